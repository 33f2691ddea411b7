package gongxin.sharing;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import gongxin.audit.Purpose;
import gongxin.identity.Caller;
import gongxin.identity.Departments;
import gongxin.measures.Measures;
import gongxin.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
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
 * The consents page of a department (issue 24, 3: 个人授权): staff record a person's signed authorisation with its file
 * (kept encrypted, its SM3 computed from it), see the department's consents with their status, open a file with the
 * session's purpose, and record a withdrawal, which the next query meets. The credit office and auditors see every
 * department's.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN', 'AUDITOR')")
class ConsentPages {

    private final Sharing sharing;
    private final Departments departments;
    private final Measures measures;

    ConsentPages(Sharing sharing, Departments departments, Measures measures) {
        this.sharing = sharing;
        this.departments = departments;
        this.measures = measures;
    }

    @GetMapping("/sharing/consents")
    String index(Model model, HttpServletRequest request) {
        Caller caller = Caller.current();
        model.addAttribute("consents", sharing.consents(caller, Purpose.declared(request)).stream().map(Row::of).toList());
        model.addAttribute("departmentNames", departments.names());
        model.addAttribute("grantees", caller.departments().stream().sorted().toList());
        model.addAttribute("matters", measures.matters());
        java.util.Map<String, String> matterNames = new java.util.HashMap<>();
        measures.matters().forEach(m -> matterNames.put(m.code(), m.name()));
        model.addAttribute("matterNames", matterNames);
        model.addAttribute("today", sharing.today());
        model.addAttribute("mayRecord", !caller.hasRole(gongxin.identity.Role.AUDITOR) || caller.hasRole(gongxin.identity.Role.ADMIN));
        return "sharing/consents";
    }

    /** A consent as the page shows it. */
    record Row(long id, String personName, String idNumberMasked, String grantee, List<String> matters, LocalDate validFrom,
               LocalDate validTo, boolean active, String revocationReason, String evidenceFile, String evidenceSm3, boolean evidenceKept) {

        static Row of(Sharing.ConsentLine line) {
            Consent c = line.consent();
            return new Row(c.id(), line.personName(), line.idNumberMasked(), c.grantee(), c.matters(), c.validFrom(), c.validTo(),
                    c.status() == Consent.Status.ACTIVE, c.revocationReason(), c.evidenceFile(), c.evidenceSm3(), line.evidenceKept());
        }
    }

    @PostMapping("/sharing/consents")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN')")
    String grant(@RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
                 @RequestParam(required = false) String grantee, @RequestParam(required = false) List<String> matters,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
                 @RequestParam(required = false) MultipartFile evidence, RedirectAttributes redirect) throws IOException {
        try {
            if (evidence == null || evidence.isEmpty()) {
                throw RuleViolationException.of("evidence", null, "evidence-required", "请上传本人签署的授权书（PDF、PNG 或 JPEG）");
            }
            long id = sharing.grant(Caller.current(), new Sharing.ConsentRequest(
                    new gongxin.subjects.SubjectReference(null, name, idNumber), grantee, matters, validFrom, validTo, null, null,
                    new Sharing.EvidenceFile(evidence.getOriginalFilename(), evidence.getContentType(), evidence.getBytes())));
            redirect.addFlashAttribute("notice", "已登记授权（编号 " + id + "），授权书已加密保存");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("formError", e.violations().get(0).message());
        }
        return "redirect:/sharing/consents";
    }

    @PostMapping("/sharing/consents/{id}/revocation")
    @PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN')")
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            sharing.revoke(Caller.current(), id, reason);
            redirect.addFlashAttribute("notice", "已登记撤回（编号 " + id + "）：此后依该授权的查询将被拒绝");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("formError", e.violations().get(0).message());
        }
        return "redirect:/sharing/consents";
    }

    @GetMapping("/sharing/consents/{id}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable long id, HttpServletRequest request) {
        return SharingApi.download(sharing.evidence(Caller.current(), id, Purpose.declared(request)));
    }
}
