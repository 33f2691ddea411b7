package gongxin.rights;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongxin.entries.EntryKind;
import gongxin.entries.EntryRef;
import gongxin.identity.Caller;
import gongxin.identity.Departments;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;
import gongxin.subjects.SubjectReference;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of objection and credit repair: the public form (no account; proofs uploaded with it), the follow page by
 * number, and the determining department's queue with its deadlines and the steps to take.
 */
@Controller
class RightsPages {

    private final Rights rights;
    private final Departments departments;

    RightsPages(Rights rights, Departments departments) {
        this.rights = rights;
        this.departments = departments;
    }

    // ---- the public

    @GetMapping("/rights/apply")
    @PreAuthorize("permitAll()")
    String form(@RequestParam(defaultValue = "REPAIR") String kind, @RequestParam Map<String, String> params, Model model) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (String field : List.of("category", "creditCode", "name", "legalRepresentative", "contactName", "contactPhone", "statement")) {
            form.put(field, "");
        }
        form.put("kind", "OBJECTION".equals(kind) ? "OBJECTION" : "REPAIR");
        EntryRef target = null;
        try {
            target = Targets.of(entryParams(params));
        } catch (RuleViolationException e) {
            // a link with a broken number: the form opens empty
        }
        target(form, target == null ? EntryKind.RECORD.name() : target.kind().name(), target == null ? "" : Long.toString(target.id()));
        model.addAttribute("form", form);
        model.addAttribute("entryKinds", EntryKind.values());
        model.addAttribute("commitmentText", Rights.REPAIR_COMMITMENT_TEXT);
        return "rights/apply";
    }

    /** The form names its target by {@code entryKind} and {@code entryId}; links name it as the contract's target does. */
    private static Map<String, String> entryParams(Map<String, String> params) {
        Map<String, String> target = new LinkedHashMap<>(params);
        target.remove("kind");
        target.remove("entryKind");
        target.remove("entryId");
        if (!Text.isBlank(params.get("entryKind")) && !Text.isBlank(params.get("entryId"))) {
            target.put("kind", params.get("entryKind"));
            target.put("id", params.get("entryId"));
        }
        return target;
    }

    private static void target(Map<String, Object> form, String kind, String id) {
        EntryKind k = java.util.Arrays.stream(EntryKind.values()).filter(x -> x.name().equals(kind)).findFirst().orElse(EntryKind.RECORD);
        form.put("entryKind", k.name());
        form.put("entryKindLabel", k.label());
        form.put("entryId", id);
    }

    @PostMapping("/rights/apply")
    @PreAuthorize("permitAll()")
    String apply(@RequestParam(defaultValue = "REPAIR") String kind, @RequestParam(required = false) String category,
                 @RequestParam(required = false) String creditCode, @RequestParam(required = false) String name,
                 @RequestParam(required = false) String idNumber, @RequestParam(required = false) String legalRepresentative,
                 @RequestParam(required = false) String entryKind, @RequestParam(required = false) String entryId,
                 @RequestParam(required = false) String contactName, @RequestParam(required = false) String contactPhone,
                 @RequestParam(required = false) String commitment, @RequestParam(required = false) String statement,
                 @RequestParam(value = "proofs", required = false) List<MultipartFile> proofs,
                 @RequestParam(value = "identityProofs", required = false) List<MultipartFile> identityProofs,
                 @RequestParam(value = "performanceProofs", required = false) List<MultipartFile> performanceProofs,
                 Model model, RedirectAttributes redirect) throws IOException {
        RightsApplication.Kind k = "OBJECTION".equals(kind) ? RightsApplication.Kind.OBJECTION : RightsApplication.Kind.REPAIR;
        boolean person = "PERSON".equals(category);
        try {
            Rights.Request request = new Rights.Request(
                    person ? new SubjectReference(null, name, idNumber) : new SubjectReference(creditCode, name, null),
                    person ? null : legalRepresentative, formTarget(entryKind, entryId),
                    contactName, contactPhone, "on".equals(commitment) || "true".equals(commitment), statement);
            List<Proof.Upload> uploads = new java.util.ArrayList<>();
            uploads.addAll(uploads(identityProofs, ProofKind.IDENTITY));
            uploads.addAll(uploads(performanceProofs, ProofKind.PERFORMANCE));
            uploads.addAll(uploads(proofs, ProofKind.OTHER));
            Rights.Submitted s = rights.submit(k, request, uploads, null, null);
            redirect.addFlashAttribute("notice", "申请已提交。请保存申请编号 " + s.number() + "，凭编号查询办理进度。"
                    + (s.missingProofs().isEmpty() ? "" : "受理前尚须补充：" + String.join("、",
                    s.missingProofs().stream().sorted().map(ProofKind::label).toList()) + "。"));
            return "redirect:/rights/applications/" + s.number();
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.title());
            model.addAttribute("violations", e.violations());
            model.addAttribute("earliestDate", e.properties().get("earliestDate"));
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("kind", k.name());
            form.put("category", person ? "PERSON" : "ORGANIZATION");
            form.put("creditCode", nz(creditCode));
            form.put("name", nz(name));
            form.put("legalRepresentative", nz(legalRepresentative));
            target(form, nz(entryKind), nz(entryId));
            form.put("contactName", nz(contactName));
            form.put("contactPhone", nz(contactPhone));
            form.put("statement", nz(statement));
            // the ID number is not sent back into the page: the applicant types it again
            model.addAttribute("form", form);
            model.addAttribute("entryKinds", EntryKind.values());
            model.addAttribute("commitmentText", Rights.REPAIR_COMMITMENT_TEXT);
            return "rights/apply";
        }
    }

    private static List<Proof.Upload> uploads(List<MultipartFile> files, ProofKind kind) throws IOException {
        if (files == null) {
            return List.of();
        }
        return RightsApi.uploads(files, java.util.Collections.nCopies(files.size(), kind.name()));
    }

    /** The applicant adds proofs of one kind with the number (the page of its application). */
    @PostMapping("/rights/applications/{number}/proofs")
    @PreAuthorize("permitAll()")
    String addProofs(@PathVariable String number, @RequestParam(required = false) String kind,
                     @RequestParam(value = "files", required = false) List<MultipartFile> files, Model model,
                     RedirectAttributes redirect) throws IOException {
        try {
            Rights.ProofsAdded added = rights.addProofs(number, uploads(files, ProofKind.of(kind, "kind")));
            redirect.addFlashAttribute("notice", "材料已上传（共 " + added.proofs() + " 个）。");
            return "redirect:/rights/applications/" + number;
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.title());
            model.addAttribute("violations", e.violations());
            return application(number, model);
        }
    }

    /** The target the form names by {@code entryKind} and {@code entryId}; none until both are filled in. */
    private static EntryRef formTarget(String entryKind, String entryId) {
        return Text.isBlank(entryKind) || Text.isBlank(entryId) ? null : Targets.of(Map.of("kind", entryKind, "id", entryId));
    }

    @GetMapping("/rights/follow")
    @PreAuthorize("permitAll()")
    String follow(@RequestParam(required = false) String number, Model model) {
        if (Text.isBlank(number)) {
            return "rights/follow";
        }
        String n = number.strip().toUpperCase(java.util.Locale.ROOT);
        if (!n.matches("[A-Z0-9-]{1,40}")) {
            model.addAttribute("formError", "申请编号格式不对，应形如 XF2026-……");
            return "rights/follow";
        }
        return "redirect:/rights/applications/" + n;
    }

    @GetMapping("/rights/applications/{number}")
    @PreAuthorize("permitAll()")
    String application(@PathVariable String number, Model model) {
        Rights.PublicView view = rights.publicView(number);
        model.addAttribute("s", view.stored());
        model.addAttribute("a", view.stored().application());
        model.addAttribute("steps", view.steps());
        model.addAttribute("today", view.today());
        model.addAttribute("statusLabel", RightsApplication.label(view.stored().application().status()));
        model.addAttribute("departmentName", departments.nameOf(view.stored().application().department()));
        model.addAttribute("needed", view.neededProofs().stream().sorted().toList());
        model.addAttribute("missing", view.missingProofs().stream().sorted().toList());
        model.addAttribute("proofKinds", ProofKind.values());
        return "rights/application";
    }

    // ---- the determining department

    @GetMapping("/rights/queue")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN', 'AUDITOR')")
    String queue(Model model) {
        Rights.Queue queue = rights.queue(Caller.current());
        model.addAttribute("queue", queue);
        model.addAttribute("departmentNames", departments.names());
        return "rights/queue";
    }

    @GetMapping("/rights/queue/{number}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN', 'AUDITOR')")
    String detail(@PathVariable String number, Model model, jakarta.servlet.http.HttpServletRequest request) {
        Rights.StaffView view = rights.staffView(Caller.current(), number, gongxin.audit.Purpose.declared(request));
        model.addAttribute("view", view);
        model.addAttribute("a", view.stored().application());
        model.addAttribute("statusLabel", RightsApplication.label(view.stored().application().status()));
        model.addAttribute("departmentName", departments.nameOf(view.stored().application().department()));
        model.addAttribute("mayAct", Caller.current().mayActFor(view.stored().application().department()));
        return "rights/detail";
    }

    @PostMapping("/rights/queue/{number}/acceptance")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
    String accept(@PathVariable String number, @RequestParam String accepted, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String applicantName, @RequestParam(required = false) String applicantIdNumber,
                  Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        return step(number, model, redirect, request, () -> rights.accept(Caller.current(), number, "true".equals(accepted), reason,
                        Text.isBlank(applicantName) && Text.isBlank(applicantIdNumber) ? null
                                : new Rights.ProvenApplicant(applicantName, applicantIdNumber)),
                "true".equals(accepted) ? "已受理" : "已决定不予受理");
    }

    @PostMapping("/rights/queue/{number}/extension")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
    String extend(@PathVariable String number, @RequestParam(required = false) String reason, Model model,
                  RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        return step(number, model, redirect, request, () -> rights.extend(Caller.current(), number, reason), "办理期限已延长");
    }

    @PostMapping("/rights/queue/{number}/revocation")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
    String revoke(@PathVariable String number, @RequestParam(required = false) String reason, Model model,
                  RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        return step(number, model, redirect, request, () -> rights.revokeGrant(Caller.current(), number, reason),
                "已撤销信用修复，信息已恢复");
    }

    @PostMapping("/rights/queue/{number}/decision")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER')")
    String decide(@PathVariable String number, @RequestParam(required = false) String granted,
                  @RequestParam(required = false) String outcome, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String falseStatement, @RequestParam(required = false) String notSubject,
                  Model model, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletRequest request) {
        return step(number, model, redirect, request, () -> {
            if (!Text.isBlank(outcome)) {
                RightsApplication.ObjectionOutcome o;
                try {
                    o = RightsApplication.ObjectionOutcome.valueOf(outcome);
                } catch (IllegalArgumentException e) {
                    throw RuleViolationException.of("outcome", outcome, "outcome-required", "请选择核查结果");
                }
                return rights.decideObjection(Caller.current(), number, o, reason);
            }
            return rights.decideRepair(Caller.current(), number, "true".equals(granted), reason, false,
                    "on".equals(falseStatement) || "true".equals(falseStatement), "on".equals(notSubject) || "true".equals(notSubject));
        }, "已作出决定");
    }

    private String step(String number, Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request,
                        java.util.function.Supplier<?> action, String done) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", done);
            return "redirect:/rights/queue/" + number;
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.title());
            model.addAttribute("violations", e.violations());
            return detail(number, model, request);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
