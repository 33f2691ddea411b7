package gongxin.audit;

import java.util.List;
import java.util.Map;

import gongxin.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A staff user declares the purpose of the work before the first page that shows non-public data (records, batches
 * and their refused rows, the audit log), once per session; every such read is logged with it. Changing it is one
 * click away. Declaring is itself audited.
 */
@Controller
@RequestMapping("/purpose")
@PreAuthorize("isAuthenticated()")
class PurposePages {

    /** Pages that show non-public data and need a purpose first. */
    static final String[] PAGES_WITH_NON_PUBLIC_DATA = {"/records", "/records/**", "/collection/batches/**", "/audit",
            "/list-cases", "/list-cases/**", "/checks/*", "/rights/queue/*", "/commitments", "/commitments/**", "/sharing/consents",
            "/sharing/consents/**"};

    /** Common purposes offered as suggestions; any other text may be typed. */
    static final List<String> SUGGESTIONS = List.of("本部门报送数据核对与更正", "信用记录撤销或更正办理", "异议或信用修复申请核查",
            "审计检查", "数据质量检查");

    private final AuditLog audit;

    PurposePages(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    String form(@RequestParam(required = false) String next, HttpServletRequest request, Model model) {
        model.addAttribute("next", safeNext(next));
        model.addAttribute("current", Purpose.ofSession(request).map(Purpose::text).orElse(null));
        model.addAttribute("suggestions", SUGGESTIONS);
        return "account/purpose";
    }

    @PostMapping
    String declare(@RequestParam(required = false) String purpose, @RequestParam(required = false) String next,
                   HttpServletRequest request, Model model) {
        try {
            Purpose declared = Purpose.requiredText(purpose, "purpose");
            request.getSession().setAttribute(Purpose.SESSION_ATTRIBUTE, declared.text());
            audit.record("PURPOSE_DECLARED", "staff_session", null, Map.of("purpose", declared.text()));
            return "redirect:" + safeNext(next);
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.violations().get(0).message());
            return form(next, request, model);
        }
    }

    /**
     * Only a path of this site: an address from a query parameter must not send the user elsewhere. Browsers drop tabs
     * and line breaks in a location and read a backslash as a slash, so {@code /%09/host} or {@code /\host} would lead
     * off the site (issue 25, finding 9): the path is read decoded, and any control character, backslash or second
     * leading slash refuses it.
     */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.length() > 500) {
            return "/console";
        }
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(next.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "/console";
        }
        for (String form : new String[]{next, decoded}) {
            if (form.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
                return "/console";
            }
            if (form.startsWith("//") || form.replaceAll("\\s", "").startsWith("//")) {
                return "/console";
            }
        }
        return next;
    }

    @Configuration(proxyBeanMethods = false)
    static class AskFirst implements WebMvcConfigurer {

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new HandlerInterceptor() {
                @Override
                public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
                    Authentication who = SecurityContextHolder.getContext().getAuthentication();
                    boolean staff = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
                    if (!staff || !"GET".equals(request.getMethod()) || Purpose.of(request.getHeader(Purpose.HEADER)).isPresent()
                            || Purpose.ofSession(request).isPresent()) {
                        return true;
                    }
                    String uri = request.getRequestURI().substring(request.getContextPath().length());
                    String next = request.getQueryString() == null ? uri : uri + "?" + request.getQueryString();
                    response.sendRedirect(request.getContextPath() + UriComponentsBuilder.fromPath("/purpose")
                            .queryParam("next", next).encode().build().toUriString());
                    return false;
                }
            }).addPathPatterns(PAGES_WITH_NON_PUBLIC_DATA);
        }
    }
}
