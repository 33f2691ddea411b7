package gongxin.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import gongxin.shared.RuleViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in, the staff console's start page and the user's own password. */
@Controller
class StaffPages {

    private final StaffUserService users;

    StaffPages(StaffUserService users) {
        this.users = users;
    }

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login(@RequestParam(required = false) String error, Model model) {
        if (error != null) {
            model.addAttribute("error", switch (error) {
                case "locked" -> "登录失败次数过多，账户已暂时锁定，请稍后再试或联系信用办管理员解锁";
                case "disabled" -> "账户已停用，请联系信用办管理员";
                default -> "用户名或密码错误";
            });
        }
        return "login";
    }

    @GetMapping("/console")
    @PreAuthorize("isAuthenticated()")
    String console() {
        return "console/index";
    }

    @GetMapping("/account/password")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR')")
    String passwordForm() {
        return "account/password";
    }

    @PostMapping("/account/password")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR')")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
                          @RequestParam String confirmPassword, Model model, HttpServletRequest request,
                          HttpServletResponse response) {
        String username = SecurityContextHolder.getContext().getAuthentication().getName();
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("errors", java.util.List.of("两次输入的新密码不一致"));
            return "account/password";
        }
        try {
            users.changeOwnPassword(username, currentPassword, newPassword);
        } catch (RuleViolationException e) {
            model.addAttribute("errors", e.violations().stream().map(v -> v.message()).toList());
            return "account/password";
        }
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/login?changed";
    }
}
