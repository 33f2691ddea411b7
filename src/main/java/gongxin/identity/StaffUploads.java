package gongxin.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A multipart form posted to a staff page without a signed-in session is refused before anything reads it (issue 25,
 * finding 2, for the pages): the CSRF filter looks for its token among the form's fields, and finding them makes the
 * container parse the whole upload (up to 1 GB for a collection file) for anyone. Runs after the session is loaded and
 * before the security filters.
 */
@Component
@Order(-101)
class StaffUploads extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod()) || type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String area : SecurityConfiguration.STAFF_AREAS) {
            if (PATHS.match(area, path)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Object context = session == null ? null : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context instanceof SecurityContext sc && sc.getAuthentication() != null && sc.getAuthentication().isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Connection", "close");
        response.sendRedirect(request.getContextPath() + "/login");
    }
}
