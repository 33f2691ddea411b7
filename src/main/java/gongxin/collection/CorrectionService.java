package gongxin.collection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongxin.catalog.Catalog;
import gongxin.catalog.CatalogItem;
import gongxin.catalog.FieldRole;
import gongxin.catalog.ItemField;
import gongxin.identity.Caller;
import gongxin.records.CreditRecord;
import gongxin.records.RecordStatus;
import gongxin.records.Records;
import gongxin.shared.NotFoundException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Corrections: the same decision with changed data. The changed record goes through the same checks as any
 * submission and becomes a new version; the decision's identity (document number, deciding authority) cannot change.
 */
@Service
class CorrectionService {

    private final Records records;
    private final Catalog catalog;
    private final SubmissionService submissions;
    private final gongxin.audit.AuditLog audit;

    CorrectionService(Records records, Catalog catalog, SubmissionService submissions, gongxin.audit.AuditLog audit) {
        this.records = records;
        this.catalog = catalog;
        this.submissions = submissions;
        this.audit = audit;
    }

    /** Applies {@code changes} (field code or Chinese header → new value; empty clears) to record {@code id}. */
    Submission correct(long id, Map<String, Object> changes, String reason) {
        CreditRecord record = records.find(id).orElseThrow(() -> new NotFoundException("信用记录 " + id + " 不存在"));
        if (!Caller.current().mayActFor(record.departmentCode())) {
            throw new AccessDeniedException("only the deciding department corrects its records");
        }
        if (record.status() == RecordStatus.REVOKED) {
            throw RuleViolationException.of("status", record.status().name(), "not-revoked", "已撤销的记录不能更正");
        }
        if (changes == null || changes.isEmpty()) {
            throw RuleViolationException.of("fields", null, "required", "请给出要更正的字段和新值");
        }
        CatalogItem item = catalog.history(record.itemCode()).get(0);
        Layout layout = Layout.match(item, List.copyOf(changes.keySet()));
        if (!layout.unknownColumns().isEmpty()) {
            String unknown = layout.headers().get(layout.unknownColumns().get(0));
            throw RuleViolationException.of(unknown, null, "unknown-field", "“" + unknown + "”不是“" + item.name() + "”的字段");
        }
        Map<String, Object> merged = new LinkedHashMap<>(record.data());
        for (Map.Entry<Integer, ItemField> column : layout.columns().entrySet()) {
            ItemField field = column.getValue();
            Object value = changes.get(layout.headers().get(column.getKey()));
            if (field.key() || field.role() == FieldRole.AUTHORITY_CODE) {
                String current = record.data().get(field.code());
                if (value == null || !String.valueOf(value).trim().equals(current == null ? "" : current)) {
                    throw RuleViolationException.of(layout.headers().get(column.getKey()), value == null ? null : value.toString(),
                            "same-decision", "更正不能改变决定的标识（" + field.name() + "）；决定本身变更时请撤销原记录后重新报送");
                }
            }
            merged.put(field.code(), value);
        }
        Submission result = submissions.submitJson(List.of(merged),
                new SubmissionService.Options(record.itemCode(), record.pilotEra(), null));
        if (result.rejected() > 0 || "FAILED".equals(result.status())) {
            throw new RuleViolationException("更正后的记录不符合规则，未作更正", result.errors().stream()
                    .map(e -> RuleViolation.of(e.field(), e.value(), e.rule(), e.message())).toList());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("batch", result.id().toString());
        details.put("fields", List.copyOf(changes.keySet()));
        details.put("outcome", result.accepted() > 0 ? "CORRECTED" : "UNCHANGED");
        if (reason != null && !reason.isBlank()) {
            details.put("reason", reason.strip());
        }
        audit.record("RECORD_CORRECTION_REQUESTED", "credit_record", Long.toString(id), details);
        return result;
    }
}
