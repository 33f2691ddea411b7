package gongxin.records;

import java.util.Map;

import gongxin.audit.AuditLog;
import gongxin.audit.Purpose;
import jakarta.servlet.http.HttpServletRequest;
import gongxin.catalog.Catalog;
import gongxin.catalog.CatalogItem;
import gongxin.identity.Departments;
import gongxin.shared.RuleViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 信用记录: a department's records, one record's life and history, and revocation. */
@Controller
@RequestMapping("/records")
@PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN', 'AUDITOR')")
class RecordPages {

    private final RecordService records;
    private final Catalog catalog;
    private final Departments departments;
    private final AuditLog audit;

    RecordPages(RecordService records, Catalog catalog, Departments departments, AuditLog audit) {
        this.records = records;
        this.catalog = catalog;
        this.departments = departments;
        this.audit = audit;
    }

    @GetMapping
    String list(@RequestParam(required = false) String item, @RequestParam(required = false) RecordStatus status,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model,
                HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        Records.RecordPage result = records.search(new RecordQuery(RecordAccess.readableDepartments(),
                item == null || item.isBlank() ? null : item, status, q, Math.max(page, 0), 50));
        RecordAccess.auditListRead(audit, purpose, result, item, status, q);
        model.addAttribute("result", result);
        model.addAttribute("pages", (result.total() + 49) / 50);
        model.addAttribute("statuses", RecordStatus.values());
        model.addAttribute("departmentNames", departments.names());
        return "records/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        CreditRecord record = records.get(id);
        RecordAccess.checkMayRead(record);
        audit.recordRead("credit_record", Long.toString(id), purpose, Map.of("itemCode", record.itemCode()));
        model.addAttribute("record", record);
        CatalogItem item = catalog.itemInForce(record.itemCode(), record.decisionDate()).orElse(null);
        model.addAttribute("item", item);
        Map<String, String> fieldNames = new java.util.LinkedHashMap<>();
        if (item != null) {
            item.fields().forEach(f -> fieldNames.put(f.code(), f.name()));
        }
        record.data().keySet().forEach(code -> fieldNames.putIfAbsent(code, code));
        model.addAttribute("fieldNames", fieldNames);
        model.addAttribute("versions", records.versions(id));
        model.addAttribute("transitions", records.transitions(id));
        model.addAttribute("departmentNames", departments.names());
        return "records/detail";
    }

    @PostMapping("/{id}/revocation")
    @PreAuthorize("hasRole('OPERATOR')")
    String revoke(@PathVariable long id, RecordService.RevocationRequest request, Model model, RedirectAttributes redirect,
                  HttpServletRequest http) {
        try {
            records.revoke(id, request);
            redirect.addFlashAttribute("notice", "记录已撤销：已从信用网站和联合奖惩核查中移除，历史保留");
            return "redirect:/records/" + id;
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.title());
            model.addAttribute("violations", e.violations());
            return detail(id, model, http);
        }
    }

}
