package gongxin.lists;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongxin.audit.AuditLog;
import gongxin.audit.Purpose;
import gongxin.calendar.Deadline;
import gongxin.identity.Caller;
import gongxin.shared.RuleViolationException;
import gongxin.subjects.SubjectReference;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
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
 * The serious-dishonesty procedure through the API (`docs/api.md`, "Lists"): the determining department's system or
 * operator proposes, serves the notice, records statements and objections, resolves objections, decides and removes.
 * Reads of a case carry personal data: they need a declared purpose and are audited.
 */
@RestController
@RequestMapping("/api/v1/lists")
class ListCaseApi {

    static final String ACTORS = "hasAuthority('SCOPE_submit') or hasAnyRole('OPERATOR', 'REVIEWER')";
    static final String READERS = "hasAuthority('SCOPE_submit') or hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN', 'AUDITOR')";

    record BasisRef(Long recordId) {
    }

    record ContactBody(String name, String phone) {
    }

    record ProposalBody(String listType, SubjectReference subject, List<BasisRef> basis, String facts, ContactBody contact) {
    }

    record NoticeBody(LocalDate servedOn) {
    }

    record StatementBody(LocalDate receivedOn, String text, Boolean objection) {
    }

    record ResolutionBody(String outcome, String reason) {
    }

    record DecisionBody(LocalDate decidedOn, String documentNumber) {
    }

    /** @param courtDecision for COURT_DECISION: the court's document, {@code {number, date}} */
    record RemovalBody(LocalDate on, String reason, CourtDecisionBody courtDecision) {
    }

    record CourtDecisionBody(String number, LocalDate date) {

        ListCase.CourtDecision value() {
            return new ListCase.CourtDecision(number, date);
        }
    }

    private final ListCases cases;
    private final ListDocuments documents;
    private final AuditLog audit;

    private final ListImports listImports;

    ListCaseApi(ListCases cases, ListDocuments documents, AuditLog audit, ListImports listImports) {
        this.listImports = listImports;
        this.cases = cases;
        this.documents = documents;
        this.audit = audit;
    }

    @Operation(summary = "提出严重失信主体名单认定（认定部门；系统提出即视为部门已审核，操作员提出须审核员审核）")
    @PostMapping("/cases")
    @PreAuthorize(ACTORS)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> propose(@RequestBody ProposalBody body,
                                @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        List<Long> basis = body.basis() == null ? List.of() : body.basis().stream().map(b -> b == null ? null : b.recordId()).toList();
        long id = cases.propose(Caller.current(), new ListCases.Proposal(body.listType(), body.subject(), basis, body.facts(),
                body.contact() == null ? null : new ListCaseRepository.Contact(body.contact().name(), body.contact().phone())),
                idempotencyKey);
        ListCases.CaseView view = cases.view(Caller.current(), id);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("status", view.listCase().status().name());
        answer.put("approved", view.listCase().approved());
        answer.put("listType", view.listCase().type().code());
        answer.put("subject", subject(view));
        answer.put("basis", basis(view));
        return answer;
    }

    @Operation(summary = "认定案件（含时间线与期限；须说明查询目的）")
    @GetMapping("/cases/{id}")
    @PreAuthorize(READERS)
    Map<String, Object> get(@PathVariable long id, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        ListCases.CaseView view = cases.view(Caller.current(), id);
        Map<String, Object> body = body(view);
        cases.audited(Caller.current(), view, purpose, Map.of());
        return body;
    }

    @Operation(summary = "登记告知书送达（陈述申辩期按法定工作日计算）")
    @PostMapping("/cases/{id}/notice")
    @PreAuthorize(ACTORS)
    Map<String, Object> notice(@PathVariable long id, @RequestBody NoticeBody body) {
        Deadline deadline = cases.notify(Caller.current(), id, body.servedOn());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", ListCase.Status.NOTIFIED.name());
        answer.put("statementDeadline", deadline.date());
        answer.put("statementDeadlineProvisional", deadline.provisional());
        return answer;
    }

    @Operation(summary = "登记陈述申辩或异议（异议须在 10 个工作日内核实）")
    @PostMapping("/cases/{id}/statements")
    @PreAuthorize(ACTORS)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> statement(@PathVariable long id, @RequestBody StatementBody body) {
        ListCase.Statement s = cases.receive(Caller.current(), id, body.receivedOn(), body.text(), Boolean.TRUE.equals(body.objection()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", s.number());
        answer.put("objection", s.objection());
        answer.put("late", s.late());
        answer.put("verificationDeadline", s.verificationDeadline() == null ? null : s.verificationDeadline().date());
        return answer;
    }

    @Operation(summary = "异议核实结果（ACCEPTED 异议成立则案件终止）")
    @PostMapping("/cases/{id}/statements/{sid}/resolution")
    @PreAuthorize(ACTORS)
    Map<String, Object> resolution(@PathVariable long id, @PathVariable int sid, @RequestBody ResolutionBody body) {
        ListCase.Resolution outcome = parse(ListCase.Resolution.class, "outcome", body.outcome(), "请选择核实结果：ACCEPTED 或 REJECTED");
        ListCase.Status status = cases.resolve(Caller.current(), id, sid, outcome, body.reason());
        return Map.of("status", status.name());
    }

    record WithdrawalBody(String reason) {
    }

    @Operation(summary = "终止认定（作出决定前；依据被撤销或事实不成立）")
    @PostMapping("/cases/{id}/withdrawal")
    @PreAuthorize(ACTORS)
    Map<String, Object> withdrawal(@PathVariable long id, @RequestBody WithdrawalBody body) {
        cases.withdraw(Caller.current(), id, body.reason());
        return Map.of("status", ListCase.Status.DROPPED.name());
    }

    @Operation(summary = "作出认定决定（陈述申辩期届满且无未核实异议后）")
    @PostMapping("/cases/{id}/decision")
    @PreAuthorize(ACTORS)
    Map<String, Object> decision(@PathVariable long id, @RequestBody DecisionBody body) {
        ListCases.Listed listed = cases.decide(Caller.current(), id, body.decidedOn(), body.documentNumber());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", ListCase.Status.LISTED.name());
        answer.put("entry", entry(listed.entryId(), listed.entry()));
        return answer;
    }

    @Operation(summary = "移出名单（期满、依据撤销或人民法院裁判：COURT_DECISION 须附 courtDecision {number, date}，移出日期不早于裁判日期；历史保留）")
    @PostMapping("/entries/{id}/removal")
    @PreAuthorize(ACTORS)
    Map<String, Object> removal(@PathVariable long id, @RequestBody RemovalBody body) {
        if (!cases.decidedByCase(id)) {
            listImports.remove(Caller.current(), id, body.on(), body.reason(),
                    body.courtDecision() == null ? null : body.courtDecision().value());
            return Map.of("status", ListCase.Status.REMOVED.name());
        }
        ListCase.RemovalReason reason = parse(ListCase.RemovalReason.class, "reason", body.reason(),
                "移出原因应为 EXPIRED、REPAIRED、BASIS_REVOKED 或 COURT_DECISION");
        cases.remove(Caller.current(), id, body.on(), reason, body.courtDecision() == null ? null : body.courtDecision().value());
        return Map.of("status", ListCase.Status.REMOVED.name());
    }

    @Operation(summary = "导入守信激励名单或上游认定的名单（CSV/XLSX；守信激励名单拒收三年内有失信记录或名单的主体）")
    @PostMapping(path = {"/red/imports", "/imports"}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_submit') or hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> importRedList(@RequestPart("file") MultipartFile file, @RequestParam String listType,
                                      @RequestParam(required = false) String source,
                                      @RequestParam(required = false) LocalDate listDate,
                                      @RequestParam(defaultValue = "false") boolean complete) throws IOException {
        ListImports.Imported imported = listImports.importFile(Caller.current(), listType, source, listDate, file.getOriginalFilename(),
                file.getBytes(), complete);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", imported.id());
        answer.put("rows", imported.rows());
        answer.put("accepted", imported.accepted());
        answer.put("rejected", imported.rejected());
        answer.put("errors", imported.errors());
        answer.put("unchanged", imported.unchanged());
        answer.put("removed", imported.removed());
        return answer;
    }

    @Operation(summary = "告知书（PDF；须说明查询目的）")
    @GetMapping("/cases/{id}/notice.pdf")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> noticePdf(@PathVariable long id, HttpServletRequest request) {
        return document(id, ListDocuments.Kind.NOTICE, request);
    }

    @Operation(summary = "认定决定书（PDF；须说明查询目的）")
    @GetMapping("/cases/{id}/decision.pdf")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> decisionPdf(@PathVariable long id, HttpServletRequest request) {
        return document(id, ListDocuments.Kind.DECISION, request);
    }

    @Operation(summary = "信用修复告知书（PDF，与认定决定书同时送达；须说明查询目的）")
    @GetMapping("/cases/{id}/repair-notice.pdf")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> repairNoticePdf(@PathVariable long id, HttpServletRequest request) {
        return document(id, ListDocuments.Kind.REPAIR_NOTICE, request);
    }

    private ResponseEntity<byte[]> document(long id, ListDocuments.Kind kind, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        byte[] pdf = documents.render(kind, cases.view(Caller.current(), id));
        audit.recordRead("list_case", Long.toString(id), purpose, Map.of("document", kind.name()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"case-" + id + "-" + kind.file + "\"")
                .body(pdf);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value, String message) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.of(field, value, "reason-required", message);
        }
    }

    static Map<String, Object> body(ListCases.CaseView view) {
        ListCase c = view.listCase();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", view.stored().id());
        body.put("status", c.status().name());
        body.put("approved", c.approved());
        body.put("listType", c.type().code());
        body.put("listName", c.type().name());
        body.put("department", c.type().departmentCode());
        body.put("subject", subject(view));
        body.put("basis", basis(view));
        body.put("facts", c.facts());
        body.put("contact", view.stored().contact());
        body.put("servedOn", c.servedOn());
        body.put("statementDeadline", c.statementDeadline() == null ? null : c.statementDeadline().date());
        body.put("statementDeadlineProvisional", c.statementDeadline() != null && c.statementDeadline().provisional());
        body.put("statements", c.statements().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.number());
            m.put("receivedOn", s.receivedOn());
            m.put("text", s.text());
            m.put("objection", s.objection());
            m.put("late", s.late());
            m.put("verificationDeadline", s.verificationDeadline() == null ? null : s.verificationDeadline().date());
            m.put("outcome", s.resolution() == null ? null : s.resolution().name());
            m.put("reason", s.reason());
            return m;
        }).toList());
        body.put("entry", c.entry().map(e -> entry(view.stored().entryId(), e)).orElse(null));
        body.put("nextDeadline", c.nextDeadline().map(Deadline::date).orElse(null));
        body.put("timeline", view.steps().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", s.at());
            m.put("step", s.step());
            m.put("by", s.by());
            m.put("details", s.details());
            return m;
        }).toList());
        return body;
    }

    private static Map<String, Object> subject(ListCases.CaseView view) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", view.subject().id());
        s.put("category", view.subject().category().name());
        s.put("name", view.subject().name());
        s.put("creditCode", view.subject().creditCode());
        s.put("idNumberMasked", view.subject().idNumberMasked());
        return s;
    }

    private static List<Map<String, Object>> basis(ListCases.CaseView view) {
        return view.basis().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("recordId", r.id());
            m.put("item", r.itemCode());
            m.put("department", r.departmentCode());
            m.put("decisionNumber", r.decisionNumber());
            m.put("decisionDate", r.decisionDate());
            m.put("status", r.status().name());
            return m;
        }).toList();
    }

    private static Map<String, Object> entry(Long id, ListCase.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("listedOn", e.listedOn());
        m.put("removableFrom", e.removableFrom());
        m.put("endsOn", e.endsOn());
        m.put("documentNumber", e.documentNumber());
        m.put("removedOn", e.removedOn());
        m.put("removalReason", e.removalReason() == null ? null : e.removalReason().name());
        return m;
    }
}
