package gongxin.identity;

import java.io.Serial;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The authentication of a request that carried a valid API key. */
class ApiClientAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ApiClientPrincipal client;

    ApiClientAuthentication(ApiClientPrincipal client) {
        super(client.scopes().stream().map(s -> new SimpleGrantedAuthority(s.authority())).toList());
        this.client = client;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return client;
    }

    @Override
    public String getName() {
        return client.actorName();
    }
}
