package gongxin.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import gongxin.shared.Text;

/**
 * A staff user of the platform.
 *
 * @param lockedUntil after too many failed logins the account refuses every login until then
 */
record StaffUser(long id, String username, String displayName, String departmentCode, Set<Role> roles,
                 String passwordHash, boolean enabled, int failedAttempts, Instant lockedUntil,
                 boolean mustChangePassword, Instant lastLoginAt, Instant createdAt) {

    /**
     * The one form of a user name that accounts, logins and the failed-login count use: full-width characters and
     * spaces folded ({@link Text#normalize}), lower case. {@code OPERATOR}, {@code ｏｐｅｒａｔｏｒ} and
     * {@code operator } are the same account, so they share one lockout count.
     */
    static String normalizeUsername(String raw) {
        String normalized = raw == null ? null : Text.normalize(raw);
        return normalized == null ? "" : normalized.toLowerCase(Locale.ROOT);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
