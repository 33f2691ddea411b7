package gongxin.audit;

import java.time.LocalDate;
import java.time.ZoneId;

import gongxin.platform.GongxinProperties;
import org.springframework.format.annotation.DateTimeFormat;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditPages {

    private final AuditLogService audit;
    private final ZoneId zone;

    AuditPages(AuditLogService audit, GongxinProperties properties) {
        this.audit = audit;
        this.zone = properties.zone();
    }

    @GetMapping
    String entries(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                   @RequestParam(required = false) String objectType,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        AuditLogService.AuditQuery query = new AuditLogService.AuditQuery(AuditApi.blankToNull(actor),
                AuditApi.blankToNull(action), AuditApi.blankToNull(objectType), null,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), Math.max(page, 0), 50);
        AuditLogService.AuditPage result = audit.search(query);
        audit.recordRead("audit_log", null, purpose, query.describe());
        model.addAttribute("result", result);
        model.addAttribute("pages", (result.total() + 49) / 50);
        model.addAttribute("lastNightly", audit.search(new AuditLogService.AuditQuery("system", "AUDIT_CHAIN_VERIFIED",
                null, null, null, null, 0, 1)).entries().stream().findFirst().orElse(null));
        return "audit/index";
    }

    @PostMapping("/verify")
    String verify(Model model) {
        ChainVerification result = audit.verify();
        audit.record("AUDIT_CHAIN_VERIFIED", "audit_chain", null,
                java.util.Map.of("valid", result.valid(), "entries", result.entries()));
        model.addAttribute("verification", result);
        return "audit/verify";
    }
}
