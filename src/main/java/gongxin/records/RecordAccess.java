package gongxin.records;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongxin.audit.AuditLog;
import gongxin.audit.Purpose;
import gongxin.identity.Caller;
import org.springframework.security.access.AccessDeniedException;

/**
 * Whose records a caller may read: the credit office and auditors read all; everyone else reads those of the
 * departments it acts for (a staff user's own; a system's own and those registered for it).
 */
final class RecordAccess {

    private RecordAccess() {
    }

    /** The departments the current caller may read, or {@code null} for all. */
    static List<String> readableDepartments() {
        Caller caller = Caller.current();
        return caller.seesEveryDepartment() ? null : List.copyOf(caller.departments());
    }

    /** A page of records was read: who, why, with which filters, and which records it showed. */
    static void auditListRead(AuditLog audit, Purpose purpose, Records.RecordPage page, String item, RecordStatus status,
                              String q) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("item", item);
        details.put("status", status == null ? null : status.name());
        details.put("q", q);
        details.put("page", page.page());
        details.put("records", page.items().stream().map(CreditRecord::id).toList());
        audit.recordRead("credit_record_list", null, purpose, details);
    }

    static void checkMayRead(CreditRecord record) {
        List<String> departments = readableDepartments();
        if (departments != null && !departments.contains(record.departmentCode())) {
            throw new AccessDeniedException("record of another department");
        }
    }
}
