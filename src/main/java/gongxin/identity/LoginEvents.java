package gongxin.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import gongxin.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts failed logins (locking the account at the limit) and writes every login attempt to the audit log. */
@Component
class LoginEvents {

    private static final Logger log = LoggerFactory.getLogger(LoginEvents.class);

    private final StaffUserRepository users;
    private final IdentityProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    LoginEvents(StaffUserRepository users, IdentityProperties properties, AuditLog audit, Clock clock) {
        this.users = users;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof StaffPrincipal staff)) {
            return;
        }
        users.recordSuccessfulLogin(staff.getUsername(), clock.instant());
        audit.recordAs(staff.getUsername(), "LOGIN_SUCCEEDED", "staff_user", staff.getUsername(), Map.of());
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        // counted on the name the login looked up, whatever case or width was typed
        String attempted = StaffUser.normalizeUsername(event.getAuthentication().getName());
        String username = attempted.length() > 64 ? attempted.substring(0, 64) : attempted;
        String reason = event.getException().getClass().getSimpleName();
        boolean known = users.findByUsername(username).isPresent();
        if (event instanceof AuthenticationFailureBadCredentialsEvent && known) {
            Instant until = clock.instant().plus(properties.lockout());
            if (users.recordFailedLogin(username, properties.maxFailedLogins(), until)) {
                log.warn("Account {} locked after {} failed logins", username, properties.maxFailedLogins());
                audit.recordAs(username, "ACCOUNT_LOCKED", "staff_user", username,
                        Map.of("lockedForMinutes", properties.lockout().toMinutes()));
            }
        }
        String action = event instanceof AuthenticationFailureLockedEvent ? "LOGIN_REFUSED_LOCKED" : "LOGIN_FAILED";
        audit.recordAs(known ? username : "anonymous", action, "staff_user", known ? username : null,
                known ? Map.of("reason", reason) : Map.of("reason", reason, "attemptedUsername", username));
    }
}
