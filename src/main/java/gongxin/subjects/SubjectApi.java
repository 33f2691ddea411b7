package gongxin.subjects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongxin.audit.AuditLog;
import gongxin.audit.Purpose;
import gongxin.platform.KeyRing;
import gongxin.shared.IdNumber;
import gongxin.shared.NotFoundException;
import gongxin.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff and systems look a subject up with a declared purpose (`docs/api.md`, "Subjects"): who it is, the names it
 * was known by, its legal representative (a subject of its own) or the organisations a person represents, and what
 * the platform holds about it. Every look-up is audited.
 */
@RestController
@RequestMapping("/api/v1/subjects")
@PreAuthorize("hasAnyAuthority('SCOPE_check', 'SCOPE_share') or hasAnyRole('ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR')")
class SubjectApi {

    private final SubjectRepository subjects;
    private final SubjectRegistry registry;
    private final List<SubjectHoldings> holdings;
    private final KeyRing keys;
    private final AuditLog audit;
    private final List<LookUpPolicy> policies;

    SubjectApi(SubjectRepository subjects, SubjectRegistry registry, List<SubjectHoldings> holdings, KeyRing keys,
               AuditLog audit, List<LookUpPolicy> policies) {
        this.policies = policies;
        this.subjects = subjects;
        this.registry = registry;
        this.holdings = holdings;
        this.keys = keys;
        this.audit = audit;
    }

    @Operation(summary = "查找主体（统一社会信用代码，或自然人的姓名与身份证号码；须说明查询目的）")
    @GetMapping
    @Transactional
    Map<String, Object> lookUp(@RequestParam(required = false) String creditCode, @RequestParam(required = false) String name,
                               @RequestParam(required = false) String idNumber,
                               @RequestParam(required = false) String formerCode, @RequestParam(required = false) String matter,
                               HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        gongxin.identity.Caller caller = gongxin.identity.Caller.current();
        policies.forEach(p -> p.check(caller, matter));
        SubjectRepository.Subject subject = registry.stored(new SubjectReference(creditCode, name, idNumber, formerCode))
                .orElseThrow(() -> new NotFoundException(!Text.isBlank(formerCode) ? "平台没有以该号码登记过的组织" : Text.isBlank(creditCode) ? "平台没有姓名与证件号码相符的自然人"
                        : "平台没有该统一社会信用代码的主体"));
        Map<String, Object> body = body(subject, caller.kind() == gongxin.identity.Caller.Kind.STAFF);
        audit.recordSubjectsRead("LOOKUP", "subject", Long.toString(subject.id()), purpose, Map.of("by", !Text.isBlank(formerCode)
                ? "formerCode" : Text.isBlank(creditCode) ? "idNumber" : "creditCode"), Text.isBlank(matter) ? null : matter.strip(),
                List.of(subject.id()));
        return body;
    }

    private Map<String, Object> body(SubjectRepository.Subject s, boolean history) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", s.id());
        body.put("category", s.category().name());
        body.put("name", s.name());
        body.put("creditCode", s.creditCode());
        body.put("pilotEra", s.pilotEra());
        body.put("idNumberMasked", masked(s.idCipher()));
        body.put("formerNames", s.formerNames());
        body.put("formerCodes", s.formerCodes().stream().map(c -> {
            int colon = c.indexOf(':');
            return Map.of("kind", c.substring(0, colon), "code", c.substring(colon + 1));
        }).toList());
        if (s.legalRepName() != null) {
            Map<String, Object> rep = new LinkedHashMap<>();
            rep.put("name", s.legalRepName());
            SubjectRepository.Subject person = s.legalRepSubjectId() == null ? null : subjects.byId(s.legalRepSubjectId()).orElse(null);
            rep.put("idNumberMasked", person == null ? null : masked(person.idCipher()));
            rep.put("subjectId", s.legalRepSubjectId());
            body.put("legalRepresentative", rep);
        } else {
            body.put("legalRepresentative", null);
        }
        body.put("represents", subjects.represented(s.id()).stream().map(o -> {
            Map<String, Object> org = new LinkedHashMap<>();
            org.put("id", o.id());
            org.put("name", o.name());
            org.put("creditCode", o.creditCode());
            return org;
        }).toList());
        body.put("records", List.of());
        body.put("listEntries", List.of());
        for (SubjectHoldings h : holdings) {
            body.put(h.part(), h.of(s.id(), history));
        }
        return body;
    }

    /** The first and last four characters: enough to tell two people apart on a screen. */
    private String masked(String cipher) {
        if (cipher == null) {
            return null;
        }
        return IdNumber.masked(keys.reveal(cipher));
    }
}
