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
 * @param departmentCode the department it acts for
 * @param aggregator an API client that may act for every department (e.g. a data exchange system)
 * @param roles the staff user's roles (empty for API clients)
 * @param scopes the API client's scopes (empty for staff)
 */
public record Caller(String name, Kind kind, String departmentCode, boolean aggregator, Set<Role> roles,
                     Set<Scope> scopes) {

    public enum Kind { STAFF, API_CLIENT, ANONYMOUS }

    public static final Caller ANONYMOUS = new Caller("anonymous", Kind.ANONYMOUS, null, false, Set.of(), Set.of());

    /** The caller of the current request. */
    public static Caller current() {
        return from(SecurityContextHolder.getContext().getAuthentication()).orElse(ANONYMOUS);
    }

    static Optional<Caller> from(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof StaffPrincipal staff) {
            return Optional.of(new Caller(staff.getUsername(), Kind.STAFF, staff.departmentCode(), false,
                    staff.roles(), Set.of()));
        }
        if (authentication.getPrincipal() instanceof ApiClientPrincipal client) {
            return Optional.of(new Caller(client.actorName(), Kind.API_CLIENT, client.departmentCode(),
                    client.aggregator(), Set.of(), client.scopes()));
        }
        return Optional.empty();
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether this caller may act for {@code department}: its own, or any when it is an aggregator (谁认定、谁负责). */
    public boolean mayActFor(String department) {
        return aggregator || (departmentCode != null && departmentCode.equals(department));
    }
}
