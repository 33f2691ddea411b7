package gongxin.screening;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import gongxin.identity.Departments;
import gongxin.measures.Measures;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 应查必查 for the credit office: checks per department and matter, hit and feedback rates, feedback overdue. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
class CheckOfficePages {

    private final Checks checks;
    private final Departments departments;
    private final Measures measures;

    CheckOfficePages(Checks checks, Departments departments, Measures measures) {
        this.checks = checks;
        this.departments = departments;
        this.measures = measures;
    }

    @GetMapping("/admin/checks")
    String statistics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate end = to == null ? checks.today() : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("rows", checks.statistics(start, end));
        model.addAttribute("awaiting", checks.awaitingFeedback());
        model.addAttribute("departmentNames", departments.names());
        Map<String, String> matters = new HashMap<>();
        measures.matters().forEach(m -> matters.put(m.code(), m.name()));
        model.addAttribute("matterNames", matters);
        return "checks/statistics";
    }
}
