package gongxin.sharing;

import java.time.LocalDate;
import java.util.List;

import gongxin.entries.EntryKind;
import gongxin.identity.Caller;
import gongxin.identity.Departments;
import gongxin.measures.Measures;
import gongxin.shared.RuleViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 按需共享 for the credit office: every department's sharing duties, kept line by line (administrators), and the
 * review of the query history in a period: reads per department and caller, and the flags with their reads.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
class SharingPages {

    private final Sharing sharing;
    private final Departments departments;
    private final Measures measures;

    SharingPages(Sharing sharing, Departments departments, Measures measures) {
        this.sharing = sharing;
        this.departments = departments;
        this.measures = measures;
    }

    @GetMapping("/admin/sharing")
    String index(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        try {
            model.addAttribute("review", sharing.review(from, to));
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.violations().get(0).message());
            model.addAttribute("review", sharing.review(null, null));
        }
        model.addAttribute("duties", sharing.allDuties());
        model.addAttribute("departmentNames", departments.names());
        model.addAttribute("departments", departments.all());
        model.addAttribute("matters", measures.matters());
        model.addAttribute("kinds", EntryKind.values());
        return "sharing/index";
    }

    @PostMapping("/admin/sharing/duties")
    @PreAuthorize("hasRole('ADMIN')")
    String putDuty(@RequestParam String department, @RequestParam String matter,
                   @RequestParam(required = false) List<String> kinds, @RequestParam(required = false) String legalBasis,
                   @RequestParam(required = false) String statutory, RedirectAttributes redirect) {
        try {
            sharing.putDuty(Caller.current(), department, matter, new Duty.Draft(matter, kinds, legalBasis,
                    statutory == null ? Boolean.FALSE : "true".equals(statutory)));
            redirect.addFlashAttribute("notice", "已保存 " + department + " 的事项 " + matter);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("formError", e.violations().get(0).message());
        }
        return "redirect:/admin/sharing";
    }

    @PostMapping("/admin/sharing/duties/removal")
    @PreAuthorize("hasRole('ADMIN')")
    String removeDuty(@RequestParam String department, @RequestParam String matter, RedirectAttributes redirect) {
        sharing.putDuty(Caller.current(), department, matter, null);
        redirect.addFlashAttribute("notice", "已删除 " + department + " 的事项 " + matter);
        return "redirect:/admin/sharing";
    }
}
