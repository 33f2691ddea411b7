package gongxin.identity;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>} for one request. A wrong or disabled key is answered 401 at once
 * rather than treated as anonymous, so that a misconfigured system learns it immediately.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiClientService clients;
    private final ProblemResponses problems;

    ApiKeyAuthenticationFilter(ApiClientService clients, ProblemResponses problems) {
        this.clients = clients;
        this.problems = problems;
    }

    /** The key of {@code Authorization: Bearer <key>}, or {@code null} when the request has no bearer key. */
    static String bearerKey(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = header.substring(7).trim();
        return key.isEmpty() ? null : key;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = bearerKey(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiClientPrincipal> client = clients.authenticate(key);
        if (client.isEmpty()) {
            problems.write(response, 401, "unauthorized", "接口密钥无效或已停用", "请检查 Authorization: Bearer 后的接口密钥");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiClientAuthentication(client.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
