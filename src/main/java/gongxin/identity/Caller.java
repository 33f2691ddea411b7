package gongxin.identity;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is making the current request, as other modules need to know it: a staff user or an API client, acting for
 * which department.
 *
 * @param name user name, or {@code api:<client name>}
 * @param kind staff, API client or the anonymous public
 * @param departmentCode the department it belongs to
 * @param departments every department it may act for: a staff user's own; an API client's own and those an
 *                    administrator registered for it
 * @param roles the staff user's roles (empty for API clients)
 * @param scopes the API client's scopes (empty for staff)
 */
public record Caller(String name, Kind kind, String departmentCode, Set<String> departments, Set<Role> roles,
                     Set<Scope> scopes) {

    public enum Kind { STAFF, API_CLIENT, ANONYMOUS }

    public static final Caller ANONYMOUS = new Caller("anonymous", Kind.ANONYMOUS, null, Set.of(), Set.of(), Set.of());

    /** The caller of the current request. */
    public static Caller current() {
        return from(SecurityContextHolder.getContext().getAuthentication()).orElse(ANONYMOUS);
    }

    static Optional<Caller> from(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof StaffPrincipal staff) {
            return Optional.of(new Caller(staff.getUsername(), Kind.STAFF, staff.departmentCode(),
                    staff.departmentCode() == null ? Set.of() : Set.of(staff.departmentCode()), staff.roles(), Set.of()));
        }
        if (authentication.getPrincipal() instanceof ApiClientPrincipal client) {
            return Optional.of(new Caller(client.actorName(), Kind.API_CLIENT, client.departmentCode(),
                    client.departments(), Set.of(), client.scopes()));
        }
        return Optional.empty();
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether this caller may act for {@code department}: one it belongs to or is registered for (谁认定、谁负责). */
    public boolean mayActFor(String department) {
        return department != null && departments.contains(department);
    }

    /** The credit office's administrators and the auditors see every department's data. */
    public boolean seesEveryDepartment() {
        return hasRole(Role.ADMIN) || hasRole(Role.AUDITOR);
    }
}
