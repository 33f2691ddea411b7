package gongxin.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gongxin.audit.AuditLog;
import gongxin.audit.Purpose;
import gongxin.identity.Caller;
import gongxin.identity.Departments;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;
import gongxin.subjects.SubjectReference;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 名单认定: the reviewers' deadline board, a proposal form for operators, and a case page where the department takes
 * each step (approval, notice, statements, objections, decision, removal) and reads the documents.
 */
@Controller
@RequestMapping("/list-cases")
@PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN', 'AUDITOR')")
class ListCasePages {

    private final ListCases cases;
    private final ListTypes types;
    private final Departments departments;
    private final AuditLog audit;

    ListCasePages(ListCases cases, ListTypes types, Departments departments, AuditLog audit) {
        this.cases = cases;
        this.types = types;
        this.departments = departments;
        this.audit = audit;
    }

    /** The board: every open case with its next deadline, overdue first. */
    @GetMapping
    String board(Model model, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        List<ListCases.BoardRow> rows = cases.board(Caller.current());
        audit.recordRead("list_case_board", null, purpose, Map.of("cases", rows.stream().map(ListCases.BoardRow::caseId).toList()));
        model.addAttribute("rows", rows);
        model.addAttribute("today", cases.today());
        model.addAttribute("warnDays", ListCases.WARN_WORKING_DAYS);
        model.addAttribute("departmentNames", departments.names());
        return "lists/board";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
    String proposalForm(Model model) {
        Caller caller = Caller.current();
        model.addAttribute("types", types.all().stream()
                .filter(t -> t.kind() == ListKind.DISHONESTY && !t.upstream() && caller.mayActFor(t.departmentCode())).toList());
        return "lists/new";
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
    String propose(@RequestParam String listType, @RequestParam(required = false) String creditCode,
                   @RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
                   @RequestParam(required = false) String basis, @RequestParam(required = false) String facts,
                   @RequestParam(required = false) String contactName, @RequestParam(required = false) String contactPhone,
                   Model model, RedirectAttributes redirect) {
        try {
            List<Long> recordIds = new ArrayList<>();
            for (String part : (basis == null ? "" : basis).split("[\\s,，、;；]+")) {
                if (!part.isBlank()) {
                    try {
                        recordIds.add(Long.parseLong(part.strip()));
                    } catch (NumberFormatException e) {
                        throw RuleViolationException.of("basis", part, "basis-unknown", "依据记录编号应为数字：" + part);
                    }
                }
            }
            SubjectReference subject = Text.isBlank(creditCode) ? new SubjectReference(null, name, idNumber)
                    : new SubjectReference(creditCode, null, null);
            long id = cases.propose(Caller.current(), new ListCases.Proposal(listType, subject, recordIds, facts,
                    Text.isBlank(contactName) && Text.isBlank(contactPhone) ? null
                            : new ListCaseRepository.Contact(Text.clean(contactName), Text.clean(contactPhone))), null);
            redirect.addFlashAttribute("notice", "已提出认定，待审核员审核后送达告知书");
            return "redirect:/list-cases/" + id;
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.title());
            model.addAttribute("violations", e.violations());
            model.addAttribute("form", Map.of("listType", listType, "creditCode", nz(creditCode), "name", nz(name),
                    "basis", nz(basis), "facts", nz(facts), "contactName", nz(contactName), "contactPhone", nz(contactPhone)));
            return proposalForm(model);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        ListCases.CaseView view = cases.view(Caller.current(), id);
        cases.audited(Caller.current(), view, purpose, Map.of());
        Caller caller = Caller.current();
        model.addAttribute("view", view);
        model.addAttribute("c", view.listCase());
        model.addAttribute("today", cases.today());
        model.addAttribute("mayAct", caller.mayActFor(view.listCase().type().departmentCode()));
        model.addAttribute("basisRevoked", view.basis().stream().anyMatch(b -> !b.status().inForce()));
        model.addAttribute("departmentName", departments.nameOf(view.listCase().type().departmentCode()));
        return "lists/case";
    }

    @PostMapping("/{id}/approval")
    @PreAuthorize("hasRole('REVIEWER')")
    String approve(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletRequest request) {
        return step(id, () -> cases.approve(Caller.current(), id), "已审核通过，可以送达告知书", model, redirect, request);
    }

    @PostMapping("/{id}/notice")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
    String notice(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate servedOn,
                  Model model, RedirectAttributes redirect, HttpServletRequest request) {
        return step(id, () -> cases.notify(Caller.current(), id, servedOn), "已登记告知书送达，陈述申辩期开始计算", model, redirect, request);
    }

    @PostMapping("/{id}/statements")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
    String statement(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                     @RequestParam(required = false) String text, @RequestParam(defaultValue = "false") boolean objection,
                     Model model, RedirectAttributes redirect, HttpServletRequest request) {
        return step(id, () -> cases.receive(Caller.current(), id, receivedOn, text, objection), objection ? "已登记异议，须在 10 个工作日内核实" : "已登记陈述申辩",
                model, redirect, request);
    }

    @PostMapping("/{id}/statements/{sid}/resolution")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
    String resolve(@PathVariable long id, @PathVariable int sid, @RequestParam(required = false) String outcome,
                   @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect, HttpServletRequest request) {
        return step(id, () -> cases.resolve(Caller.current(), id, sid, ListCaseApi.parse(ListCase.Resolution.class, "outcome", outcome,
                "请选择核实结果"), reason), "已登记异议核实结果", model, redirect, request);
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
    String decide(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
                  @RequestParam(required = false) String documentNumber, Model model, RedirectAttributes redirect,
                  HttpServletRequest request) {
        return step(id, () -> cases.decide(Caller.current(), id, decidedOn, documentNumber),
                "已作出认定决定：主体已列入名单，信用网站和联合奖惩核查即时生效；请同时送达认定决定书和信用修复告知书",
                model, redirect, request);
    }

    @PostMapping("/{id}/withdrawal")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
    String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
                    HttpServletRequest request) {
        return step(id, () -> cases.withdraw(Caller.current(), id, reason), "案件已终止，未列入名单", model, redirect, request);
    }

    @PostMapping("/{id}/removal")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
    String remove(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String courtDecisionNumber,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate courtDecisionDate,
                  Model model, RedirectAttributes redirect, HttpServletRequest request) {
        return step(id, () -> {
            Long entryId = cases.view(Caller.current(), id).stored().entryId();
            if (entryId == null) {
                throw RuleViolationException.of("status", null, "not-listed", "该主体不在名单上");
            }
            cases.remove(Caller.current(), entryId, on, ListCaseApi.parse(ListCase.RemovalReason.class, "reason", reason, "请选择移出原因"),
                    new ListCase.CourtDecision(courtDecisionNumber, courtDecisionDate));
        }, "已移出名单，历史保留", model, redirect, request);
    }

    private String step(long id, Runnable step, String done, Model model, RedirectAttributes redirect, HttpServletRequest request) {
        try {
            step.run();
            redirect.addFlashAttribute("notice", done);
            return "redirect:/list-cases/" + id;
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.title());
            model.addAttribute("violations", e.violations());
            return detail(id, model, request);
        }
    }


    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
