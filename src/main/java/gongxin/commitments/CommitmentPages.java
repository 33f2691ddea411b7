package gongxin.commitments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gongxin.audit.AuditLog;
import gongxin.audit.Purpose;
import gongxin.identity.Caller;
import gongxin.identity.Departments;
import gongxin.identity.Role;
import gongxin.shared.RuleViolationException;
import gongxin.shared.SubjectCategory;
import gongxin.shared.Text;
import gongxin.subjects.SubjectCard;
import gongxin.subjects.SubjectReference;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * 信用承诺 for the departments' staff: the matters their department accepts commitments for, recording a signed
 * commitment, verifying it or recording its withdrawal, and the commitments whose verification is overdue (the credit
 * office sees every department's). Pages with subjects on them need the session's purpose and are audited.
 */
@Controller
@RequestMapping("/commitments")
@PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN', 'AUDITOR')")
class CommitmentPages {

    private final Commitments commitments;
    private final CommitmentLetters letters;
    private final Departments departments;
    private final AuditLog audit;

    CommitmentPages(Commitments commitments, CommitmentLetters letters, Departments departments, AuditLog audit) {
        this.commitments = commitments;
        this.letters = letters;
        this.departments = departments;
        this.audit = audit;
    }

    /** One commitment as a page row shows it. */
    record Row(long id, String number, String matter, String matterName, String typeLabel, String department,
               String subjectName, String subjectCode, LocalDate signedOn, LocalDate verifyBy, boolean provisional,
               String status, String statusLabel, boolean overdue, Long breachId, LocalDate breachRepairedOn) {
    }

    /** A matter as the list shows it. */
    record MatterRow(String code, String name, String department, String typeLabel, int verifyWithinWorkingDays,
                     String severityLabel, String excludes, boolean publicCommitments, boolean mayRecord) {
    }

    @GetMapping
    String index(@RequestParam(required = false) String status, Model model, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        Caller caller = Caller.current();
        CommitmentRepository.Page page = commitments.list(caller, null, status, null, 0, 100);
        List<Row> rows = page.items().stream().map(this::row).toList();
        audit.recordRead("commitment", null, purpose, Map.of("page", "commitments", "ids", rows.stream().map(Row::id).toList()));
        model.addAttribute("matters", matterRows(caller));
        model.addAttribute("rows", rows);
        model.addAttribute("total", page.total());
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("overdue", commitments.list(caller, null, "OVERDUE", null, 0, 1).total());
        model.addAttribute("departmentNames", departments.names());
        model.addAttribute("today", commitments.today());
        return "commitments/index";
    }

    // ---- matters

    @GetMapping("/matters/new")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN')")
    String matterForm(@RequestParam(required = false) String code, Model model) {
        Map<String, Object> form = new LinkedHashMap<>();
        Optional<CommitmentMatter> existing = code == null ? Optional.empty()
                : commitments.matters().stream().filter(m -> m.code().equals(code)).findFirst();
        form.put("code", existing.map(CommitmentMatter::code).orElse(""));
        form.put("name", existing.map(CommitmentMatter::name).orElse(""));
        form.put("department", existing.map(CommitmentMatter::department).orElse(nz(Caller.current().departmentCode())));
        form.put("type", existing.map(m -> m.type().name()).orElse("APPROVAL"));
        form.put("text", existing.map(CommitmentMatter::text).orElse(""));
        form.put("verifyWithinWorkingDays", existing.map(m -> Integer.toString(m.verifyWithinWorkingDays())).orElse("20"));
        form.put("breachSeverity", existing.map(m -> m.breachSeverity().name()).orElse("ORDINARY"));
        form.put("excludes", existing.map(m -> m.excludes().stream().map(Enum::name).toList()).orElse(List.of("LISTED", "BREACHED")));
        form.put("public", existing.map(m -> m.publicFlag() == null ? "" : m.publicFlag().toString()).orElse(""));
        return matterPage(form, model);
    }

    @PostMapping("/matters")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN')")
    String saveMatter(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
                      @RequestParam(required = false) String department, @RequestParam(required = false) String type,
                      @RequestParam(required = false) String text, @RequestParam(required = false) String verifyWithinWorkingDays,
                      @RequestParam(required = false) String breachSeverity,
                      @RequestParam(required = false) List<String> excludes, @RequestParam(required = false, name = "public") String publicFlag,
                      Model model, RedirectAttributes redirect) {
        Integer days = null;
        if (!Text.isBlank(verifyWithinWorkingDays) && verifyWithinWorkingDays.strip().matches("\\d{1,4}")) {
            days = Integer.valueOf(verifyWithinWorkingDays.strip());
        }
        try {
            Commitments.SavedMatter saved = commitments.putMatter(Caller.current(), nz(code),
                    new CommitmentMatter.Draft(name, department, type, text, days, breachSeverity, excludes,
                            Text.isBlank(publicFlag) ? null : Boolean.valueOf(publicFlag)));
            redirect.addFlashAttribute("notice", (saved.created() ? "已登记承诺事项 " : "已修改承诺事项 ") + saved.matter().code());
            return "redirect:/commitments";
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.title());
            model.addAttribute("violations", e.violations());
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("code", nz(code));
            form.put("name", nz(name));
            form.put("department", nz(department));
            form.put("type", nz(type));
            form.put("text", nz(text));
            form.put("verifyWithinWorkingDays", nz(verifyWithinWorkingDays));
            form.put("breachSeverity", nz(breachSeverity));
            form.put("excludes", excludes == null ? List.of() : excludes);
            form.put("public", nz(publicFlag));
            return matterPage(form, model);
        }
    }

    private String matterPage(Map<String, Object> form, Model model) {
        Caller caller = Caller.current();
        model.addAttribute("form", form);
        model.addAttribute("departments", departments.all().stream()
                .filter(d -> caller.hasRole(Role.ADMIN) || caller.mayActFor(d.code())).toList());
        model.addAttribute("types", CommitmentType.values());
        return "commitments/matter";
    }

    // ---- commitments

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
    String signForm(@RequestParam(required = false) String matter, Model model) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("matter", nz(matter));
        form.put("category", "ORGANIZATION");
        for (String f : List.of("creditCode", "name", "signatoryName")) {
            form.put(f, "");
        }
        form.put("signatoryRole", "LEGAL_REPRESENTATIVE");
        form.put("signedOn", commitments.today().toString());
        return signPage(form, model);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
    String sign(@RequestParam(required = false) String matter, @RequestParam(required = false) String category,
                @RequestParam(required = false) String creditCode, @RequestParam(required = false) String name,
                @RequestParam(required = false) String idNumber,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
                @RequestParam(required = false) String signatoryName, @RequestParam(required = false) String signatoryRole,
                Model model, RedirectAttributes redirect) {
        boolean person = "NATURAL_PERSON".equals(category);
        try {
            Commitment.SignatoryRole role = Text.isBlank(signatoryRole) ? null : Commitment.SignatoryRole.valueOf(signatoryRole);
            CommitmentRepository.Stored s = commitments.sign(Caller.current(), new Commitments.Signing(matter,
                    person ? new SubjectReference(null, name, idNumber) : new SubjectReference(creditCode, name, null),
                    SubjectCategory.parse(nz(category)).orElse(null), signedOn, new Commitment.Signatory(signatoryName, role)), null);
            redirect.addFlashAttribute("notice", "已登记信用承诺 " + s.number() + "，核查期限至 " + s.commitment().verifyBy().date());
            return "redirect:/commitments/" + s.id();
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.title());
            model.addAttribute("violations", e.violations());
            model.addAttribute("excluded", "commitment-not-allowed".equals(e.problemType()));
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("matter", nz(matter));
            form.put("category", nz(category));
            form.put("creditCode", nz(creditCode));
            form.put("name", nz(name));
            form.put("signatoryName", nz(signatoryName));
            form.put("signatoryRole", nz(signatoryRole));
            form.put("signedOn", signedOn == null ? "" : signedOn.toString());
            return signPage(form, model);
        }
    }

    private String signPage(Map<String, Object> form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("matters", commitments.mattersOf(Caller.current()).stream()
                .filter(m -> Caller.current().mayActFor(m.department())).toList());
        return "commitments/new";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        CommitmentRepository.Stored s = commitments.view(Caller.current(), id);
        audit.recordRead("commitment", Long.toString(id), purpose, Map.of());
        model.addAttribute("c", row(s));
        model.addAttribute("stored", s);
        model.addAttribute("signatory", s.commitment().signatory().name() + "（" + s.commitment().signatory().role().label() + "）");
        model.addAttribute("finding", s.commitment().finding());
        model.addAttribute("withdrawalReason", s.commitment().withdrawalReason());
        model.addAttribute("breach", commitments.breachOf(id).orElse(null));
        model.addAttribute("mayAct", Caller.current().mayActFor(s.commitment().department())
                && (Caller.current().hasRole(Role.OPERATOR) || Caller.current().hasRole(Role.REVIEWER)));
        model.addAttribute("today", commitments.today());
        model.addAttribute("departmentName", departments.nameOf(s.commitment().department()));
        return "commitments/detail";
    }

    @GetMapping("/{id}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable long id, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        CommitmentRepository.Stored s = commitments.view(Caller.current(), id);
        audit.recordRead("commitment_letter", Long.toString(id), purpose, Map.of("sm3", s.letterSm3()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("commitment-" + s.number() + ".pdf")
                        .build().toString())
                .body(letters.render(s));
    }

    @PostMapping("/{id}/verification")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
    String verify(@PathVariable long id, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
                  @RequestParam(required = false) String documentNumber, @RequestParam(required = false) String finding,
                  Model model, RedirectAttributes redirect, HttpServletRequest request) {
        try {
            Commitment.Outcome o = Text.isBlank(outcome) ? null : Commitment.Outcome.valueOf(outcome);
            Commitments.Verified v = commitments.verify(Caller.current(), id, new Commitment.Finding(o, decidedOn, documentNumber, finding));
            redirect.addFlashAttribute("notice", v.breach().map(b -> "已认定未履约：失信承诺记录 " + b.id() + "，公示至 " + b.windowEnd())
                    .orElse("已登记：已履约"));
            return "redirect:/commitments/" + id;
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.title());
            model.addAttribute("violations", e.violations());
            return detail(id, model, request);
        }
    }

    @PostMapping("/{id}/withdrawal")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
    String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
                    RedirectAttributes redirect, HttpServletRequest request) {
        try {
            commitments.withdraw(Caller.current(), id, reason);
            redirect.addFlashAttribute("notice", "已登记撤回");
            return "redirect:/commitments/" + id;
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.title());
            model.addAttribute("violations", e.violations());
            return detail(id, model, request);
        }
    }

    @GetMapping("/overdue")
    String overdue(Model model, HttpServletRequest request) {
        return index("OVERDUE", model, request);
    }

    private List<MatterRow> matterRows(Caller caller) {
        List<MatterRow> rows = new ArrayList<>();
        for (CommitmentMatter m : commitments.mattersOf(caller)) {
            rows.add(new MatterRow(m.code(), m.name(), departments.nameOf(m.department()), m.type().label(),
                    m.verifyWithinWorkingDays(), m.breachSeverity().label(),
                    m.excludes().isEmpty() ? "无" : String.join("；", m.excludes().stream()
                            .map(x -> x == CommitmentMatter.Exclusion.LISTED ? "列入失信名单" : "三年内未修复的失诺").toList()),
                    m.publicCommitments(), caller.mayActFor(m.department())));
        }
        return rows;
    }

    private Row row(CommitmentRepository.Stored s) {
        Commitment c = s.commitment();
        SubjectCard subject = commitments.subject(c.subjectId());
        return new Row(s.id(), s.number(), c.matter(), s.matterName(), c.type().label(), c.department(), subject.name(),
                subject.creditCode() != null ? subject.creditCode() : subject.idNumberMasked(), c.signedOn(), c.verifyBy().date(),
                c.verifyBy().provisional(), c.status().name(), c.status().label(), c.overdue(commitments.today()),
                s.breachId(), s.breachRepairedOn());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

}
