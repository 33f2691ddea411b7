package gongxin.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in rules ({@code gongxin.security.*}).
 *
 * @param maxFailedLogins failed logins in a row after which an account is locked
 * @param lockout how long a locked account refuses logins
 * @param minPasswordLength shortest password accepted
 */
@ConfigurationProperties("gongxin.security")
record IdentityProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockout,
                          @DefaultValue("10") int minPasswordLength) {
}
