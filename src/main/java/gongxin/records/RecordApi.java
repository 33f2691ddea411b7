package gongxin.records;

import java.util.List;
import java.util.Map;

import gongxin.audit.AuditLog;
import gongxin.audit.Purpose;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Credit records for the departments that provide them: read, follow their history, revoke. */
@RestController
@RequestMapping("/api/v1/records")
@PreAuthorize("hasAuthority('SCOPE_submit') or hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN', 'AUDITOR')")
class RecordApi {

    private final RecordService records;
    private final AuditLog audit;

    RecordApi(RecordService records, AuditLog audit) {
        this.records = records;
        this.audit = audit;
    }

    /** A page of the department's records, with their personal data: logged with the purpose and the ids shown. */
    @Operation(summary = "本部门信用记录列表（须说明查询目的）")
    @GetMapping
    Records.RecordPage search(@RequestParam(required = false) String item, @RequestParam(required = false) RecordStatus status,
                              @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        Records.RecordPage result = records.search(new RecordQuery(RecordAccess.readableDepartments(), item, status, q,
                Math.max(page, 0), Math.min(Math.max(size, 1), 200)));
        RecordAccess.auditListRead(audit, purpose, result, item, status, q);
        return result;
    }

    /** One record with its non-public data; the read is logged with its purpose ({@code X-Purpose}). */
    @Operation(summary = "一条信用记录（须说明查询目的）")
    @GetMapping("/{id}")
    CreditRecord one(@PathVariable long id, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        CreditRecord record = records.get(id);
        RecordAccess.checkMayRead(record);
        audit.recordRead("credit_record", Long.toString(id), purpose, Map.of("itemCode", record.itemCode()));
        return record;
    }

    /** Every version as it was and every transition: as personal as the record, logged the same way. */
    @Operation(summary = "一条记录的版本与状态变更（须说明查询目的）")
    @GetMapping("/{id}/history")
    History history(@PathVariable long id, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        CreditRecord record = records.get(id);
        RecordAccess.checkMayRead(record);
        audit.recordRead("credit_record_history", Long.toString(id), purpose, Map.of("itemCode", record.itemCode()));
        return new History(records.versions(id), records.transitions(id));
    }

    /** The basis document was revoked: the record leaves every public and screening view at once. */
    @Operation(summary = "撤销记录（决定依据被撤销，本部门）")
    @PostMapping("/{id}/revocation")
    @PreAuthorize("hasAuthority('SCOPE_submit') or hasRole('OPERATOR')")
    CreditRecord revoke(@PathVariable long id, @RequestBody RecordService.RevocationRequest request) {
        return records.revoke(id, request);
    }

    record History(List<Records.RecordVersion> versions, List<Records.Transition> transitions) {
    }
}
