package gongxin.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Limits what one address may ask of the public site, with a clear Chinese answer (HTTP 429). */
@Component
class PublicRateLimitFilter extends OncePerRequestFilter {

    private static final String[] PUBLIC_PATHS = {"/api/v1/public/", "/search", "/subjects/", "/publicity/", "/lists/", "/reports"};
    private final RateLimiter limiter;

    PublicRateLimitFilter(PortalProperties properties, Clock clock) {
        this.limiter = new RateLimiter(properties.requestsPerMinute(), clock);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : PUBLIC_PATHS) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long retryAfter = limiter.acquire(request.getRemoteAddr());
        if (retryAfter == 0) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String message = "访问过于频繁，请 " + retryAfter + " 秒后再试";
        if (request.getRequestURI().contains("/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"urn:gongxin:problem:rate-limited\",\"title\":\"" + message
                    + "\",\"status\":429,\"detail\":\"同一地址每分钟的公开查询次数有限\"}");
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>访问过于频繁</title></head>"
                    + "<body><main><h1>访问过于频繁</h1><p>" + message + "。</p><p><a href=\"/\">返回首页</a></p></main></body></html>");
        }
    }
}
