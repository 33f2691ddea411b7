package gongxin.rights;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongxin.calendar.Deadline;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryRef;
import gongxin.identity.Caller;
import gongxin.shared.RuleViolationException;
import gongxin.subjects.SubjectReference;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Objection and credit repair through the API (docs/api.md, "Rights"): the public applies and follows by number; the
 * determining department accepts and decides. Free of charge; no account needed to apply.
 */
@RestController
@RequestMapping("/api/v1/rights")
class RightsApi {

    static final String ACTORS = "hasAuthority('SCOPE_submit') or hasAnyRole('OPERATOR', 'REVIEWER')";
    static final String READERS = "hasAuthority('SCOPE_submit') or hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN', 'AUDITOR')";

    /** The subject as the applicant names itself. */
    record SubjectBody(String creditCode, String name, String idNumber, String legalRepresentative) {
    }

    record ContactBody(String name, String phone) {
    }

    record RepairBody(SubjectBody subject, Map<String, Object> target, ContactBody contact, Boolean commitment, String statement) {
    }

    record ObjectionBody(SubjectBody subject, Map<String, Object> target, ContactBody contact, String reason) {
    }

    /** @param applicant the person found applying, from the identity document (repairs; the subject itself when absent) */
    record AcceptanceBody(Boolean accepted, String reason, Rights.ProvenApplicant applicant) {
    }

    record ExtensionBody(String reason) {
    }

    record RevocationBody(String reason) {
    }

    /** Repair: {@code granted}, {@code reason}, {@code complex}, {@code falseStatement}; objection: {@code outcome}, {@code reason}. */
    record DecisionBody(Boolean granted, String outcome, String reason, Boolean complex, Boolean falseStatement,
                        Boolean notSubject) {
    }

    private final Rights rights;
    private final RepairNotices notices;

    RightsApi(Rights rights, RepairNotices notices) {
        this.rights = rights;
        this.notices = notices;
    }

    @Operation(summary = "行政处罚的信用修复告知书（PDF，与处罚决定书同时送达；作出决定的部门）")
    @GetMapping("/records/{id}/repair-notice.pdf")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> repairNotice(@PathVariable long id, jakarta.servlet.http.HttpServletRequest request) {
        return repairNotice(EntryRef.of(EntryKind.RECORD, id), request);
    }

    @Operation(summary = "任一信用信息（记录、名单条目、失信承诺记录……）的信用修复告知书（PDF；作出决定的部门）")
    @GetMapping("/entries/{kind}/{id}/repair-notice.pdf")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> repairNotice(@PathVariable EntryKind kind, @PathVariable long id, jakarta.servlet.http.HttpServletRequest request) {
        return repairNotice(EntryRef.of(kind, id), request);
    }

    /** The notice names the subject and the decision: read with a declared purpose, audited (issue 25, finding 8). */
    private ResponseEntity<byte[]> repairNotice(EntryRef ref, jakarta.servlet.http.HttpServletRequest request) {
        gongxin.audit.Purpose purpose = gongxin.audit.Purpose.declared(request);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("repair-notice-" + ref.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + ref.id() + ".pdf")
                        .build().toString())
                .body(notices.render(Caller.current(), ref, purpose));
    }

    @Operation(summary = "申请信用修复（公众，无需账户；免费）")
    @PostMapping("/repairs")
    @PreAuthorize("permitAll()")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> repair(@RequestBody RepairBody body,
                               @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                               jakarta.servlet.http.HttpServletRequest http) {
        Rights.Submitted s = rights.submit(RightsApplication.Kind.REPAIR, request(body.subject(), body.target(), body.contact(),
                Boolean.TRUE.equals(body.commitment()), body.statement()), List.of(), idempotencyKey, idempotencyScope(http));
        return submitted(s);
    }

    @Operation(summary = "提出异议（公众，无需账户）：记录随即标注“异议处理中”；认定部门受理后，核查期间相关惩戒措施暂停")
    @PostMapping("/objections")
    @PreAuthorize("permitAll()")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> objection(@RequestBody ObjectionBody body,
                                  @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                                  jakarta.servlet.http.HttpServletRequest http) {
        Rights.Submitted s = rights.submit(RightsApplication.Kind.OBJECTION, request(body.subject(), body.target(),
                body.contact(), false, body.reason()), List.of(), idempotencyKey, idempotencyScope(http));
        return submitted(s);
    }

    /**
     * Whose idempotency keys a request's key is among (issue 25, finding 3): a client's or a staff user's own, or,
     * for the public that has no account, those sent from the same address.
     */
    static String idempotencyScope(jakarta.servlet.http.HttpServletRequest http) {
        Caller caller = Caller.current();
        return switch (caller.kind()) {
            case API_CLIENT -> "client:" + caller.name();
            case STAFF -> "staff:" + caller.name();
            case ANONYMOUS -> "address:" + http.getRemoteAddr();
        };
    }

    @Operation(summary = "补充证明材料（PDF、PNG、JPEG，每个不超过 10 MB；凭申请编号）：每个文件一个 kinds 部分，"
            + "依次为 IDENTITY（身份证明）、PERFORMANCE（履行法定义务的证明）或 OTHER；答复列出受理前尚缺的类别")
    @PostMapping(path = "/applications/{number}/proofs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("permitAll()")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> proofs(@PathVariable String number, @RequestPart("files") List<MultipartFile> files,
                               @RequestParam(value = "kinds", required = false) List<String> kinds) throws IOException {
        Rights.ProofsAdded added = rights.addProofs(number, uploads(files, kinds));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("number", number);
        answer.put("proofs", added.proofs());
        answer.put("missingProofs", names(added.missingProofs()));
        return answer;
    }

    @Operation(summary = "查询申请进度（凭申请编号）")
    @GetMapping("/applications/{number}")
    @PreAuthorize("permitAll()")
    Map<String, Object> application(@PathVariable String number) {
        Rights.PublicView view = rights.publicView(number);
        Map<String, Object> body = publicBody(view.stored(), view.steps(), view.today());
        if (!view.neededProofs().isEmpty()) {
            body.put("neededProofs", names(view.neededProofs()));
            body.put("missingProofs", names(view.missingProofs()));
        }
        return body;
    }

    @Operation(summary = "受理或不予受理（认定部门；提交后 3 个工作日内）：信用修复须所需类别的证明材料齐全（proofs-required）")
    @PostMapping("/applications/{number}/acceptance")
    @PreAuthorize(ACTORS)
    Map<String, Object> acceptance(@PathVariable String number, @RequestBody AcceptanceBody body) {
        if (body.accepted() == null) {
            throw RuleViolationException.of("accepted", null, "required", "请给出是否受理（accepted: true 或 false）");
        }
        RightsApplication application = rights.accept(Caller.current(), number, body.accepted(), body.reason(), body.applicant());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("number", number);
        answer.put("status", application.status().name());
        answer.put("decideBy", application.decideBy() == null ? null : application.decideBy().date());
        return answer;
    }

    @Operation(summary = "情况复杂，延长办理期限（信用修复；+10 个工作日，须写明理由）")
    @PostMapping("/applications/{number}/extension")
    @PreAuthorize(ACTORS)
    Map<String, Object> extension(@PathVariable String number, @RequestBody ExtensionBody body) {
        Deadline decideBy = rights.extend(Caller.current(), number, body.reason());
        return Map.of("number", number, "decideBy", decideBy.date());
    }

    @Operation(summary = "作出决定（认定部门）：修复 {granted, reason, complex}；异议 {outcome: CORRECTED|REVOKED|UPHELD, reason}")
    @PostMapping("/applications/{number}/decision")
    @PreAuthorize(ACTORS)
    Map<String, Object> decision(@PathVariable String number, @RequestBody DecisionBody body) {
        RightsApplication.Status status;
        if (body.outcome() != null) {
            RightsApplication.ObjectionOutcome outcome;
            try {
                outcome = RightsApplication.ObjectionOutcome.valueOf(body.outcome().strip());
            } catch (IllegalArgumentException e) {
                throw RuleViolationException.of("outcome", body.outcome(), "outcome-required", "核查结果应为 CORRECTED、REVOKED 或 UPHELD");
            }
            status = rights.decideObjection(Caller.current(), number, outcome, body.reason());
        } else if (body.granted() != null) {
            status = rights.decideRepair(Caller.current(), number, body.granted(), body.reason(),
                    Boolean.TRUE.equals(body.complex()), Boolean.TRUE.equals(body.falseStatement()),
                    Boolean.TRUE.equals(body.notSubject()));
        } else {
            throw RuleViolationException.of("outcome", null, "outcome-required",
                    "请给出决定：信用修复为 granted（true/false），异议为 outcome（CORRECTED、REVOKED 或 UPHELD）");
        }
        return Map.of("number", number, "status", status.name());
    }

    @Operation(summary = "撤销已准予的信用修复（认定部门；申请材料或承诺虚假）：信息恢复公示和惩戒，自撤销之日起一定期限内不予受理修复申请")
    @PostMapping("/applications/{number}/revocation")
    @PreAuthorize(ACTORS)
    Map<String, Object> revocation(@PathVariable String number, @RequestBody RevocationBody body) {
        RightsApplication a = rights.revokeGrant(Caller.current(), number, body == null ? null : body.reason());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("number", number);
        answer.put("status", a.status().name());
        answer.put("revokedOn", a.grantRevokedOn());
        answer.put("refusedUntil", rights.refusedUntil(a.grantRevokedOn()));
        answer.put("target", Targets.body(a.target()));
        return answer;
    }

    @Operation(summary = "待办队列（本部门；信用办看全部）：按期限排列，含逾期")
    @GetMapping("/queue")
    @PreAuthorize(READERS)
    Map<String, Object> queue() {
        Rights.Queue queue = rights.queue(Caller.current());
        List<Map<String, Object>> open = new ArrayList<>();
        for (RightsRepository.Stored s : queue.open()) {
            Map<String, Object> row = summary(s);
            Deadline due = s.application().currentDeadline();
            row.put("due", due.date());
            row.put("overdue", s.application().overdue(queue.today()));
            row.put("warned", !due.date().isAfter(queue.warnFrom()) && !s.application().overdue(queue.today()));
            open.add(row);
        }
        return Map.of("open", open, "overdue", queue.overdue());
    }

    @Operation(summary = "申请详情（认定部门或信用办；含联系人与材料清单；须说明查询目的，查看留痕）")
    @GetMapping("/applications/{number}/details")
    @PreAuthorize(READERS)
    Map<String, Object> details(@PathVariable String number, jakarta.servlet.http.HttpServletRequest request) {
        Rights.StaffView view = rights.staffView(Caller.current(), number, gongxin.audit.Purpose.declared(request));
        Map<String, Object> body = publicBody(view.stored(), view.steps(), view.today());
        RightsRepository.Applicant a = view.stored().applicant();
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("subjectId", a.subjectId());
        applicant.put("name", a.name());
        applicant.put("legalRepresentative", a.legalRepresentative());
        applicant.put("contact", Map.of("name", a.contactName(), "phone", a.contactPhone()));
        applicant.put("commitment", a.commitment());
        applicant.put("statement", a.statement());
        body.put("applicant", applicant);
        body.put("proofs", view.proofs().stream().map(p -> Map.of("id", p.id(), "kind", p.kind().name(), "fileName", p.fileName(),
                "contentType", p.contentType(), "size", p.size(), "sm3", p.sm3())).toList());
        body.put("missingProofs", names(view.missingProofs()));
        return body;
    }

    @Operation(summary = "证明材料原件（认定部门或信用办；查看留痕）")
    @GetMapping("/applications/{number}/proofs/{id}")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> proof(@PathVariable String number, @PathVariable long id, jakarta.servlet.http.HttpServletRequest request) {
        Proof proof = rights.proof(Caller.current(), number, id, gongxin.audit.Purpose.declared(request));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(proof.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(proof.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(proof.content());
    }

    /** @param target {@code {kind, id}}, or v1's {@code {recordId}} / {@code {listEntryId}} */
    static Rights.Request request(SubjectBody subject, Map<String, Object> target, ContactBody contact, boolean commitment,
                                  String statement) {
        return new Rights.Request(subject == null ? null : new SubjectReference(subject.creditCode(), subject.name(), subject.idNumber()),
                subject == null ? null : subject.legalRepresentative(), Targets.of(target), contact == null ? null : contact.name(),
                contact == null ? null : contact.phone(), commitment, statement);
    }

    /**
     * The files as uploads, each of the kind at its position in {@code kinds} (none given: OTHER). Kinds that do not
     * pair with the files one to one are refused, as a kind given to the wrong file would mislead the department.
     */
    static List<Proof.Upload> uploads(List<MultipartFile> files, List<String> kinds) throws IOException {
        List<Proof.Upload> uploads = new ArrayList<>();
        int sent = files == null ? 0 : files.size();
        if (kinds != null && !kinds.isEmpty() && kinds.size() != sent) {
            throw RuleViolationException.of("kinds", Integer.toString(kinds.size()), "proof-kinds",
                    "证明材料类别（kinds）应与文件一一对应：收到 " + sent + " 个文件、" + kinds.size() + " 个类别");
        }
        for (int i = 0; i < sent; i++) {
            MultipartFile f = files.get(i);
            ProofKind kind = ProofKind.of(kinds == null || kinds.isEmpty() ? null : kinds.get(i), "kinds[" + i + "]");
            if (f != null && !f.isEmpty()) {
                uploads.add(new Proof.Upload(kind, f.getOriginalFilename(), f.getContentType(), f.getBytes()));
            } else if (f != null && f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()) {
                uploads.add(new Proof.Upload(kind, f.getOriginalFilename(), f.getContentType(), new byte[0]));
            }
        }
        return uploads;
    }

    static List<String> names(java.util.Set<ProofKind> kinds) {
        return kinds.stream().sorted().map(Enum::name).toList();
    }

    private static Map<String, Object> submitted(Rights.Submitted s) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("number", s.number());
        answer.put("status", s.status().name());
        answer.put("department", s.department());
        answer.put("acceptBy", s.acceptBy().date());
        answer.put("acceptByProvisional", s.acceptBy().provisional());
        answer.put("proofs", s.proofs());
        answer.put("missingProofs", names(s.missingProofs()));
        answer.put("fee", 0);
        return answer;
    }

    private static Map<String, Object> summary(RightsRepository.Stored s) {
        RightsApplication a = s.application();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("number", s.number());
        row.put("kind", a.kind().name());
        row.put("status", a.status().name());
        row.put("department", a.department());
        row.put("target", Targets.body(a.target()));
        row.put("submittedOn", a.submittedOn());
        return row;
    }

    static Map<String, Object> publicBody(RightsRepository.Stored s, List<RightsRepository.Step> steps, java.time.LocalDate today) {
        RightsApplication a = s.application();
        Map<String, Object> body = summary(s);
        body.put("statusLabel", RightsApplication.label(a.status()));
        Map<String, Object> deadlines = new LinkedHashMap<>();
        deadlines.put("acceptBy", a.acceptBy().date());
        if (a.decideBy() != null) {
            deadlines.put("decideBy", a.decideBy().date());
        }
        if (a.complexReason() != null) {
            deadlines.put("extended", true);
        }
        deadlines.put("overdue", a.overdue(today));
        body.put("deadlines", deadlines);
        body.put("decidedOn", a.decidedOn());
        body.put("reason", a.reason());
        body.put("timeline", steps.stream().map(step -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("at", step.at());
            t.put("step", step.step());
            // the public sees who acted as a role, not the staff member's account
            t.put("by", "申请人".equals(step.actor()) ? "申请人" : step.actor().startsWith("rights:") ? "平台" : "认定部门");
            return t;
        }).toList());
        return body;
    }
}
