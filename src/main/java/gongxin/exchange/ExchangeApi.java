package gongxin.exchange;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongxin.identity.Caller;
import gongxin.shared.NotFoundException;
import gongxin.shared.RuleViolationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange as staff and the province's own systems follow it (docs/api.md, "Exchange with the provincial
 * platform"): the outbound queue by status with its counts and the age of its oldest pending item, a resend, and the
 * upstream sources with a pull on demand. A department's staff see the items of their department (a rejected item is
 * theirs to correct, like a refused row); the credit office's administrators and auditors, and {@code exchange}
 * clients, see all.
 */
@RestController
@RequestMapping("/api/v1/exchange")
@Tag(name = "平台交换", description = "向省级平台推送、从上游拉取名单")
class ExchangeApi {

    static final String READERS = "hasAuthority('SCOPE_exchange') or hasAnyRole('ADMIN', 'AUDITOR', 'OPERATOR', 'REVIEWER')";
    static final String ACTORS = "hasAuthority('SCOPE_exchange') or hasRole('ADMIN')";

    private final OutboundRepository outbound;
    private final Deliveries deliveries;
    private final UpstreamPulls pulls;
    private final Exports exports;
    private final Clock clock;
    private final Retention retention;
    private final UpstreamObjections objections;

    ExchangeApi(OutboundRepository outbound, Deliveries deliveries, UpstreamPulls pulls, Exports exports, Clock clock,
                Retention retention, UpstreamObjections objections) {
        this.objections = objections;
        this.retention = retention;
        this.outbound = outbound;
        this.deliveries = deliveries;
        this.pulls = pulls;
        this.exports = exports;
        this.clock = clock;
    }

    @Operation(summary = "双公示文件：某信息项自某日起新增或变化的记录（按目录字段的全国版式；CSV 为 GB18030 编码，或 XLSX），"
            + "末列数据状态；含非公开字段，须说明查询目的，导出留痕")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "双公示文件：CSV（GB18030）或 XLSX",
            content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary"))})
    @GetMapping("/export")
    @PreAuthorize(ACTORS)
    void export(@RequestParam(required = false) String item,
                @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate since,
                @RequestParam(required = false) String format, jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        export(exports, item, since, format, request, response);
    }

    /** Shared by the API and the page: checks everything before the first byte, then streams the file. */
    static void export(Exports exports, String item, java.time.LocalDate since, String format,
                       jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        Exports.Format f = Exports.Format.of(format);
        gongxin.catalog.CatalogItem layout = exports.layout(item);
        exports.since(since);
        gongxin.audit.Purpose purpose = gongxin.audit.Purpose.declared(request);
        response.setContentType(f.contentType);
        response.setHeader(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                .filename(layout.code() + "-" + since + "." + f.extension).build().toString());
        exports.write(layout, since, f, purpose, response.getOutputStream());
    }

    @Operation(summary = "推送队列：按状态（PENDING 待推送、DELIVERED 已推送、REJECTED 被拒收）列出，最新的在前")
    @GetMapping("/outbound")
    @PreAuthorize(READERS)
    Map<String, Object> outbound(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page) {
        OutboundRepository.Status s = status(status);
        String department = Deliveries.departmentSeen(Caller.current());
        int size = 100;
        List<Map<String, Object>> items = outbound.list(s, department, (long) Math.max(0, page) * size, size).stream().map(ExchangeApi::item).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        answer.put("total", outbound.count(s, department));
        return answer;
    }

    @Operation(summary = "推送统计：待推送、已推送、被拒收的条数，最早一条待推送的等待秒数，最近一次失败")
    @GetMapping("/outbound/stats")
    @PreAuthorize(READERS)
    Map<String, Object> stats() {
        OutboundRepository.Stats stats = outbound.stats(Deliveries.departmentSeen(Caller.current()));
        OutboundRepository.DeliveryState state = outbound.state();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("pending", stats.pending());
        answer.put("delivered", stats.delivered());
        answer.put("rejected", stats.rejected());
        answer.put("oldestPendingSeconds", stats.oldestPending() == null ? null
                : Math.max(0, Duration.between(stats.oldestPending(), clock.instant()).toSeconds()));
        answer.put("failures", state.failures());
        answer.put("nextAttemptAt", state.nextAttemptAt());
        answer.put("lastError", state.lastError());
        answer.put("lastSuccessAt", state.lastSuccessAt());
        return answer;
    }

    @Operation(summary = "重新推送一条（已推送或被拒收的条目再次进入待推送，内容不变）")
    @PostMapping("/outbound/{key}/resend")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> resend(@PathVariable String key) {
        if (!deliveries.resend(key)) {
            throw new NotFoundException("没有该推送条目：" + key);
        }
        return Map.of("key", key, "status", OutboundRepository.Status.PENDING.name());
    }

    @Operation(summary = "立即推送待推送的条目（不等后台；省级平台不可用时返回失败原因）")
    @PostMapping("/outbound/delivery")
    @PreAuthorize(ACTORS)
    Map<String, Object> deliver() {
        Deliveries.Run run = deliveries.drain();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("batches", run.batches());
        answer.put("delivered", run.delivered());
        answer.put("rejected", run.rejected());
        answer.put("failed", run.failed());
        return answer;
    }

    @Operation(summary = "删除保留期（数据，示例 90 日）前已推送的条目（每晚自动执行；待推送与被拒收的不删）")
    @PostMapping("/outbound/pruning")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> prune() {
        Retention.Pruned pruned = retention.prune(gongxin.identity.Caller.current().name());
        return Map.of("deleted", pruned.deleted(), "deliveredBefore", pruned.before().toString(), "retentionDays", pruned.days());
    }

    @Operation(summary = "转交上游来源的异议（对拉取名单条目的异议：提出、受理、核查结论），最新在前")
    @GetMapping("/upstream/objections")
    @PreAuthorize(READERS)
    Map<String, Object> upstreamObjections() {
        return Map.of("objections", objections.recent(200));
    }

    @Operation(summary = "立即向上游来源转交待转交的异议步骤（来源不可用时保留待下次）")
    @PostMapping("/upstream/objections/delivery")
    @PreAuthorize(ACTORS)
    Map<String, Object> sendObjections() {
        UpstreamObjections.Sent sent = objections.send();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sent", sent.sent());
        answer.put("waiting", sent.waiting());
        answer.put("lastError", sent.lastError());
        return answer;
    }

    @Operation(summary = "上游来源：名单类型、拉取游标、最近一次成功与失败")
    @GetMapping("/upstream")
    @PreAuthorize(READERS)
    Map<String, Object> sources() {
        return Map.of("sources", pulls.sources());
    }

    @Operation(summary = "立即从上游来源拉取名单（自上次游标起，重复条目不变，来源移除的条目随之移出）")
    @PostMapping("/upstream/{source}/pull")
    @PreAuthorize(ACTORS)
    Map<String, Object> pull(@PathVariable String source) {
        UpstreamPulls.Pull pull = pulls.pull(source, Caller.current().name());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("source", pull.source());
        answer.put("pulled", pull.pulled());
        answer.put("created", pull.created());
        answer.put("removed", pull.removed());
        answer.put("unchanged", pull.unchanged());
        answer.put("refused", pull.refused());
        return answer;
    }

    @ExceptionHandler(UpstreamPulls.SourceUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(UpstreamPulls.SourceUnavailable e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setType(java.net.URI.create("urn:gongxin:problem:source-unavailable"));
        problem.setTitle("上游来源暂时无法访问");
        problem.setProperty("source", e.source);
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static OutboundRepository.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OutboundRepository.Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.of("status", status, "status", "状态应为 PENDING、DELIVERED 或 REJECTED");
        }
    }

    private static Map<String, Object> item(OutboundRepository.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", r.key());
        m.put("kind", r.kind());
        m.put("entryId", r.entryId());
        m.put("version", r.version());
        m.put("department", r.department());
        m.put("status", r.status().name());
        m.put("attempts", r.attempts());
        m.put("lastError", r.lastError());
        m.put("queuedAt", r.queuedAt());
        m.put("deliveredAt", r.deliveredAt());
        return m;
    }
}
