package gongxin.commitments;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import gongxin.audit.AuditLog;
import gongxin.audit.Purpose;
import gongxin.identity.Caller;
import gongxin.shared.RuleViolationException;
import gongxin.shared.SubjectCategory;
import gongxin.shared.Text;
import gongxin.subjects.SubjectReference;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Credit commitments through the API (docs/api.md, "Credit commitments"): the department's system (scope
 * {@code submit}) or operator registers matters and records, verifies and withdraws commitments; the credit office
 * registers any department's matters. Lists of commitments carry who committed: staff see their departments', systems
 * with {@code share} or {@code check} read with a declared purpose, audited.
 */
@RestController
@RequestMapping("/api/v1/commitments")
class CommitmentApi {

    static final String ACTORS = "hasAuthority('SCOPE_submit') or hasAnyRole('OPERATOR', 'REVIEWER')";
    static final String MATTER_KEEPERS = "hasAuthority('SCOPE_submit') or hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN')";
    static final String READERS = "hasAnyAuthority('SCOPE_submit', 'SCOPE_share', 'SCOPE_check') "
            + "or hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN', 'AUDITOR')";

    record MatterBody(String name, String department, String type, String text, Integer verifyWithinWorkingDays,
                      String breachSeverity, List<String> excludes, @com.fasterxml.jackson.annotation.JsonProperty("public") Boolean publicFlag) {
    }

    /** @param category optional: {@code INDIVIDUAL_BUSINESS} for an individual business; organisation otherwise */
    record SubjectBody(String creditCode, String name, String idNumber, String category) {
    }

    record SignatoryBody(String name, String role) {
    }

    record SignBody(String matter, SubjectBody subject, LocalDate signedOn, SignatoryBody signatory) {
    }

    record VerificationBody(String outcome, LocalDate decidedOn, String documentNumber, String finding) {
    }

    record WithdrawalBody(String reason) {
    }

    private final Commitments commitments;
    private final CommitmentLetters letters;
    private final AuditLog audit;

    CommitmentApi(Commitments commitments, CommitmentLetters letters, AuditLog audit) {
        this.commitments = commitments;
        this.letters = letters;
        this.audit = audit;
    }

    @Operation(summary = "登记或修改承诺事项（信用办；或本部门的系统、操作员）")
    @PutMapping("/matters/{code}")
    @PreAuthorize(MATTER_KEEPERS)
    Map<String, Object> putMatter(@PathVariable String code, @RequestBody(required = false) MatterBody body) {
        CommitmentMatter.Draft draft = body == null ? null : new CommitmentMatter.Draft(body.name(), body.department(),
                body.type(), body.text(), body.verifyWithinWorkingDays(), body.breachSeverity(), body.excludes(), body.publicFlag());
        return matter(commitments.putMatter(Caller.current(), code, draft).matter());
    }

    @Operation(summary = "承诺事项清单")
    @GetMapping("/matters")
    @PreAuthorize("isAuthenticated()")
    List<Map<String, Object>> matters() {
        return commitments.matters().stream().map(CommitmentApi::matter).toList();
    }

    @Operation(summary = "登记主体签署的信用承诺（承诺事项的受理部门；Idempotency-Key 按调用方区分）")
    @PostMapping
    @PreAuthorize(ACTORS)
    ResponseEntity<Map<String, Object>> sign(@RequestBody(required = false) SignBody body,
                                             @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        SignBody b = body == null ? new SignBody(null, null, null, null) : body;
        SubjectBody s = b.subject();
        Commitments.Signing signing = new Commitments.Signing(b.matter(),
                s == null ? null : new SubjectReference(s.creditCode(), s.name(), s.idNumber()),
                s == null || Text.isBlank(s.category()) ? null : SubjectCategory.parse(s.category()).orElse(null), b.signedOn(),
                b.signatory() == null ? null : new Commitment.Signatory(b.signatory().name(), role(b.signatory().role())));
        CommitmentRepository.Stored stored = commitments.sign(Caller.current(), signing, idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED).body(summary(stored, true));
    }

    @Operation(summary = "登记核查结论：已履约或未履约（失诺，须有认定文书）")
    @PostMapping("/{id}/verification")
    @PreAuthorize(ACTORS)
    Map<String, Object> verify(@PathVariable long id, @RequestBody(required = false) VerificationBody body) {
        VerificationBody b = body == null ? new VerificationBody(null, null, null, null) : body;
        Commitment.Outcome outcome = null;
        if (!Text.isBlank(b.outcome())) {
            try {
                outcome = Commitment.Outcome.valueOf(b.outcome().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw RuleViolationException.of("outcome", b.outcome(), "outcome-required", "核查结论应为 KEPT（已履约）或 BREACHED（未履约）");
            }
        }
        Commitments.Verified v = commitments.verify(Caller.current(), id,
                new Commitment.Finding(outcome, b.decidedOn(), b.documentNumber(), b.finding()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", v.commitment().commitment().status().name());
        answer.put("breach", v.breach().map(CommitmentApi::breach).orElse(null));
        return answer;
    }

    @Operation(summary = "撤回信用承诺（履约中的，部门代主体登记）")
    @PostMapping("/{id}/withdrawal")
    @PreAuthorize(ACTORS)
    Map<String, Object> withdraw(@PathVariable long id, @RequestBody(required = false) WithdrawalBody body) {
        CommitmentRepository.Stored s = commitments.withdraw(Caller.current(), id, body == null ? null : body.reason());
        return Map.of("status", s.commitment().status().name());
    }

    @Operation(summary = "信用承诺清单（按主体、状态、部门；含主体信息，须说明查询目的）")
    @GetMapping
    @PreAuthorize(READERS)
    Map<String, Object> list(@RequestParam(required = false) String creditCode, @RequestParam(required = false) String status,
                             @RequestParam(required = false) String department, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        CommitmentRepository.Page found = commitments.list(Caller.current(), creditCode, status, department, page, size);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("creditCode", creditCode);
        details.put("status", status);
        details.put("ids", found.items().stream().map(CommitmentRepository.Stored::id).toList());
        audit.recordRead("commitment", null, purpose, details);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", found.items().stream().map(s -> summary(s, false)).toList());
        answer.put("total", found.total());
        return answer;
    }

    @Operation(summary = "一项信用承诺（含主体信息，须说明查询目的）")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    Map<String, Object> get(@PathVariable long id, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        CommitmentRepository.Stored s = commitments.view(Caller.current(), id);
        audit.recordRead("commitment", Long.toString(id), purpose, Map.of());
        Map<String, Object> body = summary(s, true);
        body.put("letterSm3", s.letterSm3());
        body.put("letterText", s.letterText());
        return body;
    }

    @Operation(summary = "信用承诺书（PDF，签署的文本及其 SM3）")
    @GetMapping("/{id}/letter.pdf")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> letter(@PathVariable long id, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        CommitmentRepository.Stored s = commitments.view(Caller.current(), id);
        audit.recordRead("commitment_letter", Long.toString(id), purpose, Map.of("sm3", s.letterSm3()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("commitment-" + s.number() + ".pdf")
                        .build().toString())
                .body(letters.render(s));
    }

    /**
     * What every answer says of a commitment (the API's items, the subject look-up's part): its number, matter, type,
     * department, days, status, and its breach if it was breached.
     */
    static Map<String, Object> body(CommitmentRepository.Stored s, java.util.Optional<Breach> breach, java.time.LocalDate today) {
        Commitment c = s.commitment();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("number", s.number());
        m.put("matter", c.matter());
        m.put("matterName", s.matterName());
        m.put("type", c.type().name());
        m.put("department", c.department());
        m.put("signedOn", c.signedOn());
        m.put("verifyBy", c.verifyBy().date());
        m.put("status", c.status().name());
        m.put("overdue", c.overdue(today));
        m.put("breach", breach.map(CommitmentApi::breach).orElse(null));
        return m;
    }

    private Map<String, Object> summary(CommitmentRepository.Stored s, boolean created) {
        Commitment c = s.commitment();
        Map<String, Object> m = body(s, s.breachId() == null ? java.util.Optional.empty() : commitments.breachOf(s.id()),
                commitments.today());
        var subject = commitments.subject(c.subjectId());
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("id", subject.id());
        who.put("name", subject.name());
        who.put("creditCode", subject.creditCode());
        who.put("idNumberMasked", subject.idNumberMasked());
        m.put("subject", who);
        m.put("verifyByProvisional", c.verifyBy().provisional());
        m.put("public", c.publicCommitment());
        if (created) {
            m.put("letter", "/api/v1/commitments/" + s.id() + "/letter.pdf");
        }
        return m;
    }

    static Map<String, Object> breach(Breach b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "COMMITMENT_BREACH");
        m.put("id", b.id());
        m.put("severity", b.severity().name());
        m.put("decidedOn", b.decidedOn());
        m.put("documentNumber", b.documentNumber());
        m.put("publicUntil", b.windowEnd());
        m.put("repairedOn", b.repairedOn());
        return m;
    }

    static Map<String, Object> matter(CommitmentMatter m) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("code", m.code());
        b.put("name", m.name());
        b.put("department", m.department());
        b.put("type", m.type().name());
        b.put("text", m.text());
        b.put("verifyWithinWorkingDays", m.verifyWithinWorkingDays());
        b.put("breachSeverity", m.breachSeverity().name());
        b.put("excludes", m.excludes().stream().map(Enum::name).sorted().toList());
        b.put("public", m.publicCommitments());
        return b;
    }

    private static Commitment.SignatoryRole role(String value) {
        if (Text.isBlank(value)) {
            return null;
        }
        try {
            return Commitment.SignatoryRole.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.of("signatory.role", value, "role", "签署人身份应为 LEGAL_REPRESENTATIVE、AUTHORISED 或 SELF");
        }
    }
}
