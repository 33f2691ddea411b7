package gongxin.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gongxin.audit.AuditLog;
import gongxin.shared.ConflictException;
import gongxin.shared.NotFoundException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: creation and changes by the administrator, passwords, and the lookup used at login. */
@Service
class StaffUserService implements UserDetailsService {

    private final StaffUserRepository users;
    private final DepartmentRepository departments;
    private final PasswordEncoder passwordEncoder;
    private final IdentityProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    StaffUserService(StaffUserRepository users, DepartmentRepository departments, PasswordEncoder passwordEncoder,
                     IdentityProperties properties, AuditLog audit, Clock clock,
                     FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
        this.users = users;
        this.departments = departments;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String normalized = StaffUser.normalizeUsername(username);
        return users.findByUsername(normalized)
                .map(user -> new StaffPrincipal(user, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    List<StaffUser> all() {
        return users.findAll();
    }

    StaffUser get(String username) {
        return users.findByUsername(username).orElseThrow(() -> new NotFoundException("用户“" + username + "”不存在"));
    }

    /**
     * Creates an account; with {@code mustChangePassword} (accounts an administrator creates) the user replaces the
     * given password at the first login.
     */
    @Transactional
    void create(NewUser form, boolean mustChangePassword) {
        List<RuleViolation> violations = new ArrayList<>();
        String username = StaffUser.normalizeUsername(form.username());
        if (!username.matches("[a-z0-9][a-z0-9._-]{2,31}")) {
            violations.add(RuleViolation.of("username", form.username(), "format", "用户名应为3-32位小写字母、数字、点、下划线或连字符"));
        }
        violations.addAll(checkProfile(form.displayName(), form.departmentCode(), form.roles()));
        violations.addAll(checkPassword(username, form.password(), "password"));
        if (!violations.isEmpty()) {
            throw new RuleViolationException("用户信息不符合规则", violations);
        }
        if (users.findByUsername(username).isPresent()) {
            throw new ConflictException("username", username, "用户名“" + username + "”已存在");
        }
        users.insert(username, Text.clean(form.displayName()), form.departmentCode(), form.roles(),
                passwordEncoder.encode(form.password()), mustChangePassword, clock.instant());
        audit.record("USER_CREATED", "staff_user", username, profile(form.displayName(), form.departmentCode(), form.roles(), true));
    }

    @Transactional
    void update(String username, String displayName, String departmentCode, Set<Role> roles, boolean enabled) {
        StaffUser before = get(username);
        List<RuleViolation> violations = checkProfile(displayName, departmentCode, roles);
        if (!violations.isEmpty()) {
            throw new RuleViolationException("用户信息不符合规则", violations);
        }
        users.update(username, Text.clean(displayName), departmentCode, roles, enabled);
        Map<String, Object> details = profile(displayName, departmentCode, roles, enabled);
        details.put("before", profile(before.displayName(), before.departmentCode(), before.roles(), before.enabled()));
        boolean rightsChanged = !enabled || !before.roles().equals(roles) || !before.departmentCode().equals(departmentCode);
        if (rightsChanged) {
            details.put("sessionsEnded", endSessions(username));
        }
        audit.record("USER_UPDATED", "staff_user", username, details);
    }

    /** The administrator sets a temporary password; the user must change it at the next login. */
    @Transactional
    void resetPassword(String username, String temporaryPassword) {
        get(username);
        List<RuleViolation> violations = checkPassword(username, temporaryPassword, "password");
        if (!violations.isEmpty()) {
            throw new RuleViolationException("密码不符合规则", violations);
        }
        users.changePassword(username, passwordEncoder.encode(temporaryPassword), true, clock.instant());
        audit.record("USER_PASSWORD_RESET", "staff_user", username, Map.of("sessionsEnded", endSessions(username)));
    }

    @Transactional
    void changeOwnPassword(String username, String currentPassword, String newPassword) {
        StaffUser user = get(username);
        List<RuleViolation> violations = new ArrayList<>();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.passwordHash())) {
            violations.add(RuleViolation.of("currentPassword", null, "matches", "当前密码不正确"));
        }
        violations.addAll(checkPassword(username, newPassword, "newPassword"));
        if (newPassword != null && passwordEncoder.matches(newPassword, user.passwordHash())) {
            violations.add(RuleViolation.of("newPassword", null, "changed", "新密码不能与当前密码相同"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException("密码未修改", violations);
        }
        users.changePassword(username, passwordEncoder.encode(newPassword), false, clock.instant());
        audit.record("PASSWORD_CHANGED", "staff_user", username, Map.of());
    }

    @Transactional
    void unlock(String username) {
        get(username);
        users.unlock(username);
        audit.record("USER_UNLOCKED", "staff_user", username, Map.of());
    }

    /**
     * Ends every open session of the user. A session keeps the roles and department it signed in with, so a user who
     * was disabled, or whose rights changed, would otherwise go on working with the old ones until it expired.
     * Sessions are in the database: this ends them on every node.
     */
    private int endSessions(String username) {
        Set<String> ids = sessions.findByPrincipalName(username).keySet();
        ids.forEach(sessions::deleteById);
        return ids.size();
    }

    private List<RuleViolation> checkProfile(String displayName, String departmentCode, Set<Role> roles) {
        List<RuleViolation> violations = new ArrayList<>();
        if (Text.isBlank(displayName)) {
            violations.add(RuleViolation.of("displayName", displayName, "required", "请填写姓名"));
        }
        if (departmentCode == null || departments.find(departmentCode).isEmpty()) {
            violations.add(RuleViolation.of("departmentCode", departmentCode, "exists", "请选择所属部门"));
        }
        if (roles == null || roles.isEmpty()) {
            violations.add(RuleViolation.of("roles", null, "required", "请至少选择一个角色"));
        }
        return violations;
    }

    List<RuleViolation> checkPassword(String username, String password, String field) {
        List<RuleViolation> violations = new ArrayList<>();
        int min = properties.minPasswordLength();
        if (password == null || password.length() < min) {
            violations.add(RuleViolation.of(field, null, "min-length", "密码至少 " + min + " 位"));
        } else if (!password.matches(".*[A-Za-z].*") || !password.matches(".*\\d.*")) {
            violations.add(RuleViolation.of(field, null, "letters-and-digits", "密码须同时包含字母和数字"));
        } else if (password.toLowerCase(java.util.Locale.ROOT).contains(username)) {
            violations.add(RuleViolation.of(field, null, "not-username", "密码不能包含用户名"));
        }
        return violations;
    }

    private static Map<String, Object> profile(String displayName, String departmentCode, Set<Role> roles, boolean enabled) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("displayName", displayName);
        map.put("departmentCode", departmentCode);
        map.put("roles", roles == null ? List.of() : roles.stream().map(Role::name).sorted().toList());
        map.put("enabled", enabled);
        return map;
    }

    /** What an administrator enters for a new user. */
    record NewUser(String username, String displayName, String departmentCode, Set<Role> roles, String password) {
        NewUser {
            roles = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        }
    }
}
