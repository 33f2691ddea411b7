package gongxin.records;

import java.util.List;

import gongxin.identity.Caller;
import gongxin.identity.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Whose records a caller may read: the credit office and auditors read all, an aggregating system reads all, everyone
 * else reads their own department's.
 */
final class RecordAccess {

    private RecordAccess() {
    }

    /** The departments the current caller may read, or {@code null} for all. */
    static List<String> readableDepartments() {
        Caller caller = Caller.current();
        if (caller.aggregator() || caller.hasRole(Role.ADMIN) || caller.hasRole(Role.AUDITOR)) {
            return null;
        }
        return caller.departmentCode() == null ? List.of() : List.of(caller.departmentCode());
    }

    static void checkMayRead(CreditRecord record) {
        List<String> departments = readableDepartments();
        if (departments != null && !departments.contains(record.departmentCode())) {
            throw new AccessDeniedException("record of another department");
        }
    }
}
