package gongxin.audit;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for auditors: browse it, and verify that nobody changed or removed an entry. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditApi {

    private final AuditLogService audit;

    AuditApi(AuditLogService audit) {
        this.audit = audit;
    }

    /** Walks the whole chain and names every place where it is broken. */
    @Operation(summary = "校验审计链（含外部锚点）")
    @GetMapping("/verify")
    ChainVerification verify() {
        ChainVerification result = audit.verify();
        audit.record("AUDIT_CHAIN_VERIFIED", "audit_chain", null,
                java.util.Map.of("valid", result.valid(), "entries", result.entries()));
        return result;
    }

    /** The log shows who read whom, and why: reading it is itself a read on record. */
    @Operation(summary = "检索审计日志（须说明查询目的）")
    @GetMapping("/entries")
    Page entries(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                 @RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
                 @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                 HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        AuditLogService.AuditQuery query = new AuditLogService.AuditQuery(blankToNull(actor),
                blankToNull(action), blankToNull(objectType), blankToNull(objectId), from, to, Math.max(page, 0),
                Math.min(Math.max(size, 1), 200));
        AuditLogService.AuditPage result = audit.search(query);
        audit.recordRead("audit_log", null, purpose, query.describe());
        return new Page(result.entries(), result.total(), result.page(), result.size());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    record Page(List<AuditEntry> items, long total, int page, int size) {
    }
}
