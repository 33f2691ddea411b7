package gongxin.sharing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongxin.audit.Purpose;
import gongxin.entries.CreditEntry;
import gongxin.identity.Caller;
import gongxin.subjects.SubjectReference;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** docs/api.md, "Sharing by duty, consent, and who queried me". */
@RestController
@RequestMapping("/api/v1/sharing")
@Tag(name = "按需共享", description = "共享责任清单、个人授权、查询记录")
class SharingApi {

    static final String QUERIERS = "hasAuthority('SCOPE_share') or hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN')";
    static final String READERS = "hasAuthority('SCOPE_share') or hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN', 'AUDITOR')";

    record DutiesBody(List<Duty.Draft> duties) {
    }

    record SubjectBody(String creditCode, String name, String idNumber) {

        SubjectReference reference() {
            return new SubjectReference(creditCode, name, idNumber);
        }
    }

    record QueryBody(SubjectBody subject, String matter, Long consent, LocalDate restrictedUntil) {
    }

    record EvidenceBody(String fileName, String sm3) {
    }

    record ConsentBody(SubjectBody subject, String grantee, List<String> matters, LocalDate validFrom, LocalDate validTo,
                       EvidenceBody evidence) {
    }

    record RevocationBody(String reason) {
    }

    private static final tools.jackson.databind.json.JsonMapper PARTS = tools.jackson.databind.json.JsonMapper.builder().build();

    private final Sharing sharing;

    SharingApi(Sharing sharing) {
        this.sharing = sharing;
    }

    @Operation(summary = "设置某部门的共享责任清单（信用办；整体替换）：事项、可查询的信用信息类别、法律依据、是否法定职责")
    @PutMapping("/duties/{department}")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> putDuties(@PathVariable String department, @RequestBody DutiesBody body) {
        return Map.of("department", department, "duties", sharing.putDuties(Caller.current(), department,
                body == null ? null : body.duties()).stream().map(SharingApi::duty).toList());
    }

    @Operation(summary = "某部门的共享责任清单")
    @GetMapping("/duties/{department}")
    @PreAuthorize(READERS)
    Map<String, Object> duties(@PathVariable String department) {
        return Map.of("department", department, "duties", sharing.duties(department).stream().map(SharingApi::duty).toList());
    }

    @Operation(summary = "按职责查询某主体的信用信息（含非公开信息；须说明查询目的；自然人且非法定职责须有本人授权）")
    @PostMapping("/queries")
    @PreAuthorize(QUERIERS)
    Map<String, Object> query(@RequestBody QueryBody body, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        Sharing.Answer a = sharing.query(Caller.current(), new Sharing.Query(body.subject() == null ? null : body.subject().reference(),
                body.matter(), body.consent(), body.restrictedUntil()), purpose);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", a.subject().id());
        subject.put("name", a.subject().name());
        subject.put("creditCode", a.subject().creditCode());
        subject.put("idNumberMasked", a.subject().idNumberMasked());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", a.id());
        answer.put("subject", subject);
        answer.put("matter", a.matter());
        answer.put("legalBasis", a.duty().legalBasis());
        answer.put("consent", a.consent());
        answer.put("entries", a.entries().stream().map(SharingApi::entry).toList());
        answer.put("withheld", a.withheld().stream().map(w -> Map.of("kind", w.kind(), "reason", w.reason(), "count", w.count())).toList());
        return answer;
    }

    @Operation(summary = "登记个人授权（被授权部门）：被授权部门、事项、有效期（最长 12 个月）、已签署授权书的证据")
    @PostMapping("/consents")
    @PreAuthorize(QUERIERS)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> consent(@RequestBody ConsentBody body) {
        long id = sharing.grant(Caller.current(), new Sharing.ConsentRequest(body.subject() == null ? null : body.subject().reference(),
                body.grantee(), body.matters(), body.validFrom(), body.validTo(),
                body.evidence() == null ? null : body.evidence().fileName(), body.evidence() == null ? null : body.evidence().sm3()));
        return Map.of("id", id, "status", Consent.Status.ACTIVE.name());
    }

    @Operation(summary = "登记个人授权并上传已签署的授权书（PDF、PNG 或 JPEG，≤ 10 MB；加密保存，SM3 由文件算出）：part consent 为 JSON，part evidence 为文件")
    @PostMapping(path = "/consents", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(QUERIERS)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> consentWithEvidence(@org.springframework.web.bind.annotation.RequestPart("consent") String consent,
                                            @org.springframework.web.bind.annotation.RequestPart("evidence")
                                            org.springframework.web.multipart.MultipartFile evidence) throws java.io.IOException {
        // the JSON part is read here whatever type its part declares (a form field is text/plain)
        ConsentBody body;
        try {
            body = PARTS.readValue(consent, ConsentBody.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw gongxin.shared.RuleViolationException.of("consent", null, "json", "part consent 应为授权的 JSON");
        }
        long id = sharing.grant(Caller.current(), new Sharing.ConsentRequest(body.subject() == null ? null : body.subject().reference(),
                body.grantee(), body.matters(), body.validFrom(), body.validTo(),
                body.evidence() == null ? null : body.evidence().fileName(), body.evidence() == null ? null : body.evidence().sm3(),
                new Sharing.EvidenceFile(evidence.getOriginalFilename(), evidence.getContentType(), evidence.getBytes())));
        return Map.of("id", id, "status", Consent.Status.ACTIVE.name(), "evidenceKept", true);
    }

    @Operation(summary = "本部门登记的个人授权（信用办看全部；须说明查询目的，留痕）：授权人（姓名、证件号码掩码）、事项、有效期、状态、是否保存了授权书")
    @GetMapping("/consents")
    @PreAuthorize(READERS)
    List<Map<String, Object>> consents(jakarta.servlet.http.HttpServletRequest request) {
        return sharing.consents(Caller.current(), gongxin.audit.Purpose.declared(request)).stream().map(SharingApi::consentLine).toList();
    }

    static Map<String, Object> consentLine(Sharing.ConsentLine line) {
        Consent c = line.consent();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("person", Map.of("name", line.personName() == null ? "" : line.personName(),
                "idNumberMasked", line.idNumberMasked() == null ? "" : line.idNumberMasked()));
        m.put("grantee", c.grantee());
        m.put("matters", c.matters());
        m.put("validFrom", c.validFrom());
        m.put("validTo", c.validTo());
        m.put("status", c.status().name());
        m.put("evidence", Map.of("fileName", c.evidenceFile(), "sm3", c.evidenceSm3(), "kept", line.evidenceKept()));
        m.put("createdAt", line.createdAt());
        m.put("createdBy", line.createdBy());
        m.put("revocationReason", c.revocationReason());
        return m;
    }

    @Operation(summary = "下载授权书文件（被授权部门或信用办；须说明查询目的，留痕）")
    @GetMapping("/consents/{id}/evidence")
    @PreAuthorize(READERS)
    org.springframework.http.ResponseEntity<byte[]> evidence(@PathVariable long id, jakarta.servlet.http.HttpServletRequest request) {
        return download(sharing.evidence(Caller.current(), id, gongxin.audit.Purpose.declared(request)));
    }

    /** A signed authorisation as a download, under its own file name. */
    static org.springframework.http.ResponseEntity<byte[]> download(Sharing.EvidenceFile file) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(file.contentType()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(file.fileName() == null ? "evidence" : file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    @Operation(summary = "撤回个人授权：此后依该授权的查询被拒绝")
    @PostMapping("/consents/{id}/revocation")
    @PreAuthorize(QUERIERS)
    Map<String, Object> revoke(@PathVariable long id, @RequestBody RevocationBody body) {
        sharing.revoke(Caller.current(), id, body == null ? null : body.reason());
        return Map.of("id", id, "status", Consent.Status.REVOKED.name());
    }

    @Operation(summary = "谁查询了我：某主体的非公开信息被查询的记录（最新在前，保存不少于 5 年；须说明查询目的）")
    @GetMapping("/history")
    @PreAuthorize(READERS)
    Map<String, Object> history(@RequestParam(required = false) String creditCode, @RequestParam(required = false) String name,
                                @RequestParam(required = false) String idNumber, @RequestParam(defaultValue = "0") int page,
                                HttpServletRequest request) {
        Sharing.History h = sharing.history(new SubjectReference(creditCode, name, idNumber), Purpose.declared(request), page);
        return Map.of("subject", Map.of("id", h.subject().id(), "name", h.subject().name()), "items",
                h.reads().stream().map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("at", r.at());
                    m.put("channel", r.channel());
                    m.put("department", r.department());
                    m.put("caller", r.caller());
                    m.put("matter", r.matter());
                    m.put("purpose", r.purpose());
                    m.put("consent", r.consent());
                    m.put("outcome", r.outcome());
                    m.put("rule", r.rule());
                    m.put("restricted", r.restrictedUntil() != null);
                    return m;
                }).toList());
    }

    @Operation(summary = "信用办复核：各部门、各调用方的查询量，以及异常标记（一小时内查询大量主体、非工作时间查询、罕见事项），每个标记附对应的查询记录")
    @GetMapping("/review")
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    Map<String, Object> review(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        Sharing.Review r = sharing.review(from, to);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", r.from());
        answer.put("to", r.to());
        answer.put("settings", r.settings());
        answer.put("volume", r.volume());
        answer.put("flags", r.flags());
        return answer;
    }

    private static Map<String, Object> duty(Duty d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("matter", d.matter());
        m.put("kinds", Duty.names(d.kinds()));
        m.put("legalBasis", d.legalBasis());
        m.put("statutory", d.statutory());
        return m;
    }

    private static Map<String, Object> entry(CreditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind().name());
        m.put("id", e.id());
        m.put("title", e.title());
        m.put("department", e.department());
        m.put("date", e.date());
        m.put("public", e.disclosed() && e.status() == gongxin.entries.EntryStatus.PUBLISHED);
        m.put("status", e.status() == null ? null : e.status().name());
        m.put("documentNumber", e.documentNumber());
        m.put("fields", e.fields().stream().map(f -> Map.of("name", f.name(), "value", f.value() == null ? "" : f.value())).toList());
        return m;
    }
}
