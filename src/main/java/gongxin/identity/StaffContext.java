package gongxin.identity;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every staff page needs to know about the signed-in user (name, department, roles for the navigation), and the
 * rule that a user with a temporary password changes it before doing anything else.
 */
@ControllerAdvice(annotations = Controller.class)
class StaffContext {

    private final DepartmentRepository departments;

    StaffContext(DepartmentRepository departments) {
        this.departments = departments;
    }

    @ModelAttribute("me")
    Me me() {
        return staff().map(p -> new Me(p.getUsername(), p.displayName(),
                departments.find(p.departmentCode()).map(Department::name).orElse(p.departmentCode()),
                p.roles().stream().sorted().map(Role::label).toList(),
                p.roles().contains(Role.ADMIN), p.roles().contains(Role.OPERATOR),
                p.roles().contains(Role.REVIEWER), p.roles().contains(Role.AUDITOR))).orElse(null);
    }

    static Optional<StaffPrincipal> staff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal p ? Optional.of(p) : Optional.empty();
    }

    /** The signed-in staff user as the page templates see it. */
    record Me(String username, String displayName, String departmentName, List<String> roleLabels, boolean admin,
              boolean operator, boolean reviewer, boolean auditor) {
    }

    @Configuration(proxyBeanMethods = false)
    static class PasswordChangeFirst implements WebMvcConfigurer {

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new HandlerInterceptor() {
                @Override
                public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
                    if (staff().map(StaffPrincipal::mustChangePassword).orElse(false)) {
                        response.sendRedirect(request.getContextPath() + "/account/password?required");
                        return false;
                    }
                    return true;
                }
            }).addPathPatterns(SecurityConfiguration.STAFF_AREAS).addPathPatterns("/api/**")
                    .excludePathPatterns("/account/password", "/api/v1/public/**");
        }
    }
}
