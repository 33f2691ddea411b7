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

/**
 * What anyone may ask of the public site without signing in: a number of requests per address and minute, counted
 * across nodes (429), and
 * bodies no larger than a credit report can be ({@code gongxin.portal.max-body-size}, 413). A body must declare its
 * length (411 otherwise), so the cap holds before anything is read: the multipart parser and the JSON reader never
 * see more than it. The staff upload limit (1 GB for departments' files) does not apply here.
 */
@Component
class PublicRequestLimits extends OncePerRequestFilter {

    /**
     * The public site, and the API operations anyone may call: check verification (it reads a whole answer), the
     * calendar and identifier checks (issue 25, finding 2).
     */
    private static final String[] PUBLIC_PATHS = {"/api/v1/public/", "/search", "/subjects/", "/publicity/", "/lists/", "/reports",
            "/api/v1/checks/verify", "/api/v1/calendar/", "/api/v1/identifiers/"};
    /**
     * Objection and repair applications from the public (the rights module): limited like the rest, with room for their
     * proofs (5 files of at most 10 MB). The department's steps under the same paths are not public requests.
     */
    private static final String[] APPLICATION_PATHS = {"/rights/apply", "/rights/follow", "/rights/applications/",
            "/api/v1/rights/repairs", "/api/v1/rights/objections", "/api/v1/rights/applications/"};
    private static final String[] DEPARTMENT_STEPS = {"/acceptance", "/decision", "/extension", "/details"};
    static final long APPLICATION_MAX_BODY = 52L * 1024 * 1024;
    private final RateLimiter limiter;
    private final long maxBody;

    private final SearchWarmUp warmUp;

    PublicRequestLimits(PortalProperties properties, org.springframework.jdbc.core.simple.JdbcClient jdbc, Clock clock,
                        SearchWarmUp warmUp) {
        this.warmUp = warmUp;
        this.limiter = new RateLimiter(jdbc, properties.requestsPerMinute(), clock);
        this.maxBody = properties.maxBodySize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        for (String prefix : PUBLIC_PATHS) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return !application(path);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean application(String path) {
        for (String prefix : APPLICATION_PATHS) {
            if (path.startsWith(prefix)) {
                for (String step : DEPARTMENT_STEPS) {
                    if (path.endsWith(step)) {
                        return false;
                    }
                }
                return !path.matches(".*/proofs/\\d+$");
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the node's own warm-up requests (loopback, with its secret) are not the public's
        long retryAfter = warmUp.isWarmUp(request) ? 0 : limiter.acquire(request.getRemoteAddr());
        if (retryAfter != 0) {
            response.setHeader("Retry-After", Long.toString(retryAfter));
            refuse(request, response, 429, "rate-limited", "访问过于频繁，请 " + retryAfter + " 秒后再试",
                    "同一地址每分钟的公开查询次数有限");
            return;
        }
        long length = request.getContentLengthLong();
        boolean body = length > 0 || request.getHeader("Transfer-Encoding") != null;
        if (body && length < 0) {
            refuse(request, response, 411, "length-required", "请求须注明内容长度",
                    "公开接口只接受注明 Content-Length 的请求体");
            return;
        }
        long cap = application(path(request)) ? APPLICATION_MAX_BODY : maxBody;
        if (length > cap) {
            response.setHeader("Connection", "close");
            refuse(request, response, 413, "payload-too-large", "上传内容过大",
                    "公开接口的请求体不能超过 " + (cap / 1024 / 1024) + " MB，未作任何处理");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String type,
                               String title, String detail) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().contains("/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"urn:gongxin:problem:" + type + "\",\"title\":\"" + title
                    + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + title
                    + "</title></head><body><main><h1>" + title + "</h1><p>" + detail
                    + "。</p><p><a href=\"/\">返回首页</a></p></main></body></html>");
        }
    }
}
