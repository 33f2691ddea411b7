package gongxin.identity;

import java.time.Instant;
import java.util.Set;

/**
 * A staff user of the platform.
 *
 * @param lockedUntil after too many failed logins the account refuses every login until then
 */
record StaffUser(long id, String username, String displayName, String departmentCode, Set<Role> roles,
                 String passwordHash, boolean enabled, int failedAttempts, Instant lockedUntil,
                 boolean mustChangePassword, Instant lastLoginAt, Instant createdAt) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
