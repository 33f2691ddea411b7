package gongxin.identity;

import java.io.Serial;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.userdetails.User;

/** A signed-in staff user; kept in the HTTP session (hence serialisable and without the password after login). */
class StaffPrincipal extends User {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String displayName;
    private final String departmentCode;
    private final Set<Role> roles;
    private final boolean mustChangePassword;

    StaffPrincipal(StaffUser user, Instant now) {
        super(user.username(), user.passwordHash(), user.enabled(), true, true, !user.lockedAt(now),
                user.roles().stream().map(r -> new org.springframework.security.core.authority.SimpleGrantedAuthority(r.authority())).toList());
        this.displayName = user.displayName();
        this.departmentCode = user.departmentCode();
        this.roles = user.roles().isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(user.roles()));
        this.mustChangePassword = user.mustChangePassword();
    }

    String displayName() {
        return displayName;
    }

    String departmentCode() {
        return departmentCode;
    }

    Set<Role> roles() {
        return roles;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }
}
