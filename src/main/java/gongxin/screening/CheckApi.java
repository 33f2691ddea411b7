package gongxin.screening;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gongxin.audit.Purpose;
import gongxin.identity.Caller;
import gongxin.subjects.SubjectReference;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Joint reward and punishment checks (`docs/api.md`, "Checks"). Answers are written by the platform as signed and
 * stored, byte for byte, so that what a system receives, what {@code GET} replays and what {@code verify} checks are
 * the same bytes.
 */
@RestController
@RequestMapping("/api/v1/checks")
class CheckApi {

    static final String CHECKERS = "hasAuthority('SCOPE_check') or hasAnyRole('OPERATOR', 'REVIEWER')";
    static final String CREDIT_OFFICE = "hasAnyRole('ADMIN', 'AUDITOR')";

    record CheckBody(String matter, String purpose, SubjectReference subject, LocalDate asOf) {
    }

    record BatchBody(String matter, String purpose, List<SubjectReference> subjects, LocalDate asOf) {
    }

    record FeedbackBody(List<String> applied, List<Checks.NotAppliedFeedback> notApplied) {
    }

    private final Checks checks;

    CheckApi(Checks checks) {
        this.checks = checks;
    }

    @Operation(summary = "联合奖惩核查一个主体（须说明目的；答复附 SM2 签名回执）")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "核查答复（附 SM2 签名回执）；Location 指向存档的答复",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json"))
    @PostMapping
    @PreAuthorize(CHECKERS)
    ResponseEntity<byte[]> check(@RequestBody CheckBody body, @RequestHeader(value = Purpose.HEADER, required = false) String header) {
        Checks.Answer answer = checks.check(Caller.current(), new Checks.Request(body.matter(), purpose(body.purpose(), header),
                body.subject(), body.asOf()));
        return created(answer);
    }

    @Operation(summary = "批量核查（最多 1000 个主体，按请求顺序逐一答复，一个回执）")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "按请求顺序的核查结果和一个 SM2 签名回执；Location 指向存档的答复",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json"))
    @PostMapping("/batch")
    @PreAuthorize(CHECKERS)
    ResponseEntity<byte[]> batch(@RequestBody BatchBody body, @RequestHeader(value = Purpose.HEADER, required = false) String header) {
        Checks.Answer answer = checks.batch(Caller.current(), new Checks.BatchRequest(body.matter(),
                purpose(body.purpose(), header), body.subjects(), body.asOf()));
        return created(answer);
    }

    @Operation(summary = "重放一次核查的答复（原样）")
    @GetMapping("/{id}")
    @PreAuthorize(CHECKERS + " or " + CREDIT_OFFICE)
    ResponseEntity<byte[]> get(@PathVariable UUID id, jakarta.servlet.http.HttpServletRequest request) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(checks.stored(Caller.current(), id, request));
    }

    @Operation(summary = "核验一份核查答复是否与平台出具的完全一致")
    @PostMapping(path = "/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("permitAll()")
    Map<String, Object> verify(@RequestBody byte[] answer) {
        return checks.verify(answer);
    }

    @Operation(summary = "反馈核查结果的应用情况（采取了哪些措施，未采取的说明理由）")
    @PostMapping("/{id}/feedback")
    @PreAuthorize(CHECKERS)
    Map<String, Object> feedback(@PathVariable UUID id, @RequestBody FeedbackBody body) {
        checks.feedback(Caller.current(), id, body.applied(), body.notApplied());
        return Map.of("id", id.toString(), "status", "RECEIVED");
    }

    @Operation(summary = "核查统计（按部门和事项：核查数、命中数、反馈数、采取措施数）")
    @GetMapping("/statistics")
    @PreAuthorize(CREDIT_OFFICE)
    List<Map<String, Object>> statistics(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return checks.statistics(from, to);
    }

    @Operation(summary = "命中后逾期未反馈的核查（信用办）")
    @GetMapping("/awaiting-feedback")
    @PreAuthorize(CREDIT_OFFICE)
    List<Map<String, Object>> awaitingFeedback() {
        return checks.awaitingFeedback();
    }

    @Operation(summary = "已核查主体的信用变动（按游标增量读取）")
    @GetMapping("/changes")
    @PreAuthorize(CHECKERS)
    Map<String, Object> changes(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "500") int limit,
                                jakarta.servlet.http.HttpServletRequest request) {
        return checks.changes(Caller.current(), after, limit, Purpose.declared(request));
    }

    private static String purpose(String body, String header) {
        if (body != null && !body.isBlank()) {
            return body;
        }
        return header == null ? null : Purpose.of(header).map(Purpose::text).orElse(null);
    }

    private static ResponseEntity<byte[]> created(Checks.Answer answer) {
        return ResponseEntity.created(URI.create("/api/v1/checks/" + answer.id())).contentType(MediaType.APPLICATION_JSON)
                .body(answer.json());
    }
}
