package gongxin.screening;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gongxin.audit.Purpose;
import gongxin.identity.Caller;
import gongxin.measures.Measures;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;
import gongxin.subjects.SubjectReference;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 联合奖惩核查 for a caseworker at a service window: subject and matter in, the measures and their basis out; then tick
 * what was applied, or say why not (the feedback the credit office counts).
 */
@Controller
@RequestMapping("/checks")
@PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
class CheckPages {

    private final Checks checks;
    private final Measures measures;
    private final JsonMapper json = JsonMapper.builder().build();

    CheckPages(Checks checks, Measures measures) {
        this.checks = checks;
        this.measures = measures;
    }

    @GetMapping
    String form(Model model, HttpServletRequest request) {
        model.addAttribute("matters", measures.matters());
        String purpose;
        try {
            purpose = Purpose.declared(request).text();
        } catch (RuleViolationException e) {
            purpose = "";
        }
        model.addAttribute("purpose", purpose);
        return "checks/form";
    }

    @PostMapping
    String check(@RequestParam(required = false) String matter, @RequestParam(required = false) String purpose,
                 @RequestParam(required = false) String creditCode, @RequestParam(required = false) String name,
                 @RequestParam(required = false) String idNumber, Model model, HttpServletRequest request) {
        try {
            SubjectReference subject = !Text.isBlank(creditCode) ? new SubjectReference(creditCode, null, null)
                    : new SubjectReference(null, name, idNumber);
            Checks.Answer answer = checks.check(Caller.current(), new Checks.Request(matter, purpose, subject, null));
            return "redirect:/checks/" + answer.id();
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.title());
            model.addAttribute("violations", e.violations());
            model.addAttribute("form", Map.of("matter", nz(matter), "creditCode", nz(creditCode), "name", nz(name)));
            return form(model, request);
        }
    }

    @GetMapping("/{id}")
    String result(@PathVariable UUID id, Model model, jakarta.servlet.http.HttpServletRequest request) {
        JsonNode answer = json.readTree(new String(checks.stored(Caller.current(), id, request), StandardCharsets.UTF_8));
        model.addAttribute("answer", json.convertValue(answer, Map.class));
        model.addAttribute("matter", measures.matter(answer.get("matter").asString()).map(m -> m.name()).orElse(""));
        return "checks/result";
    }

    @PostMapping("/{id}/feedback")
    String feedback(@PathVariable UUID id, @RequestParam(required = false) List<String> applied,
                    @RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect,
                    jakarta.servlet.http.HttpServletRequest request) {
        JsonNode answer = json.readTree(new String(checks.stored(Caller.current(), id, request), StandardCharsets.UTF_8));
        List<String> ticked = applied == null ? List.of() : applied;
        List<Checks.NotAppliedFeedback> notApplied = new ArrayList<>();
        answer.get("measures").forEach(m -> {
            String code = m.get("code").asString();
            if (!ticked.contains(code)) {
                notApplied.add(new Checks.NotAppliedFeedback(code, fields.get("reason-" + code)));
            }
        });
        try {
            checks.feedback(Caller.current(), id, ticked, notApplied);
            redirect.addFlashAttribute("notice", "已反馈核查结果的应用情况");
            return "redirect:/checks/" + id;
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.title());
            model.addAttribute("violations", e.violations());
            return result(id, model, request);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
