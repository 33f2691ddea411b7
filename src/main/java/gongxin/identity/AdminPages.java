package gongxin.identity;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import gongxin.shared.ConflictException;
import gongxin.shared.RuleViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The credit office administrator's pages: departments, staff users and API clients. */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('ADMIN')")
class AdminPages {

    private final DepartmentService departments;
    private final StaffUserService users;
    private final ApiClientService clients;

    AdminPages(DepartmentService departments, StaffUserService users, ApiClientService clients) {
        this.departments = departments;
        this.users = users;
        this.clients = clients;
    }

    // --- departments -------------------------------------------------------------------------------------------

    @GetMapping("/departments")
    String departments(Model model) {
        java.util.Map<DepartmentLevel, java.util.List<DepartmentService.DepartmentNode>> byLevel = new java.util.EnumMap<>(DepartmentLevel.class);
        departments.tree().forEach(node -> byLevel.computeIfAbsent(node.department().level(), l -> new java.util.ArrayList<>()).add(node));
        model.addAttribute("tree", byLevel);
        model.addAttribute("levels", DepartmentLevel.values());
        model.addAttribute("departments", departments.all());
        return "admin/departments";
    }

    @GetMapping("/departments/new")
    String newDepartment(Model model) {
        return departmentForm(model, new DepartmentService.DepartmentForm("", "", "", "CITY", "", "", true, ""), null);
    }

    @PostMapping("/departments")
    String createDepartment(DepartmentService.DepartmentForm form, Model model, RedirectAttributes redirect) {
        try {
            Department created = departments.create(form);
            redirect.addFlashAttribute("notice", "已新增部门“" + created.name() + "”");
            return "redirect:/admin/departments";
        } catch (RuleViolationException | ConflictException e) {
            FormErrors.show(model, e);
            return departmentForm(model, form, null);
        }
    }

    @GetMapping("/departments/{code}/edit")
    String editDepartment(@PathVariable String code, Model model) {
        Department d = departments.find(code).orElseThrow(() -> new gongxin.shared.NotFoundException("部门不存在"));
        return departmentForm(model, new DepartmentService.DepartmentForm(d.code(), d.name(), d.creditCode(),
                d.level().name(), d.parentCode(), String.join("；", d.duties()), d.active(), d.sector()), d.code());
    }

    @PostMapping("/departments/{code}")
    String updateDepartment(@PathVariable String code, DepartmentService.DepartmentForm form, Model model,
                            RedirectAttributes redirect) {
        try {
            Department updated = departments.update(code, form);
            redirect.addFlashAttribute("notice", "已保存部门“" + updated.name() + "”");
            return "redirect:/admin/departments";
        } catch (RuleViolationException | ConflictException e) {
            FormErrors.show(model, e);
            return departmentForm(model, form, code);
        }
    }

    private String departmentForm(Model model, DepartmentService.DepartmentForm form, String editing) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("levels", DepartmentLevel.values());
        model.addAttribute("sectors", Department.SECTORS);
        model.addAttribute("parents", departments.all().stream().filter(d -> !d.code().equals(editing)).toList());
        return "admin/department-form";
    }

    // --- users -------------------------------------------------------------------------------------------------

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("users", users.all());
        model.addAttribute("departmentNames", departments.names());
        return "admin/users";
    }

    @GetMapping("/users/new")
    String newUser(Model model) {
        model.addAttribute("user", new StaffUserService.NewUser("", "", "", Set.of(Role.OPERATOR), ""));
        return userForm(model, null);
    }

    @PostMapping("/users")
    String createUser(@RequestParam String username, @RequestParam String displayName,
                      @RequestParam String departmentCode, @RequestParam(required = false) Set<Role> roles,
                      @RequestParam String password, Model model, RedirectAttributes redirect) {
        StaffUserService.NewUser form = new StaffUserService.NewUser(username, displayName, departmentCode, roles, password);
        try {
            users.create(form, true);
            redirect.addFlashAttribute("notice", "已新增用户“" + username + "”，首次登录时须修改密码");
            return "redirect:/admin/users";
        } catch (RuleViolationException | ConflictException e) {
            FormErrors.show(model, e);
            model.addAttribute("user", form);
            return userForm(model, null);
        }
    }

    @GetMapping("/users/{username}/edit")
    String editUser(@PathVariable String username, Model model) {
        StaffUser user = users.get(username);
        model.addAttribute("user", user);
        return userForm(model, username);
    }

    @PostMapping("/users/{username}")
    String updateUser(@PathVariable String username, @RequestParam String displayName,
                      @RequestParam String departmentCode, @RequestParam(required = false) Set<Role> roles,
                      @RequestParam(defaultValue = "false") boolean enabled, Model model, RedirectAttributes redirect) {
        try {
            users.update(username, displayName, departmentCode, roles == null ? Set.of() : roles, enabled);
            redirect.addFlashAttribute("notice", "已保存用户“" + username + "”");
            return "redirect:/admin/users";
        } catch (RuleViolationException e) {
            FormErrors.show(model, e);
            model.addAttribute("user", users.get(username));
            return userForm(model, username);
        }
    }

    @PostMapping("/users/{username}/password")
    String resetPassword(@PathVariable String username, @RequestParam String password, Model model,
                         RedirectAttributes redirect) {
        try {
            users.resetPassword(username, password);
            redirect.addFlashAttribute("notice", "已为“" + username + "”设置临时密码，登录后须修改");
            return "redirect:/admin/users";
        } catch (RuleViolationException e) {
            FormErrors.show(model, e);
            model.addAttribute("user", users.get(username));
            return userForm(model, username);
        }
    }

    @PostMapping("/users/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        users.unlock(username);
        redirect.addFlashAttribute("notice", "已解锁用户“" + username + "”");
        return "redirect:/admin/users";
    }

    private String userForm(Model model, String editing) {
        model.addAttribute("editing", editing);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("departments", departments.all());
        return "admin/user-form";
    }

    // --- API clients -------------------------------------------------------------------------------------------

    @GetMapping("/api-clients")
    String clients(Model model) {
        model.addAttribute("clients", clients.all());
        model.addAttribute("departmentNames", departments.names());
        return "admin/api-clients";
    }

    @GetMapping("/api-clients/new")
    String newClient(Model model) {
        model.addAttribute("client", null);
        return clientForm(model);
    }

    @PostMapping("/api-clients")
    String createClient(@RequestParam String name, @RequestParam String departmentCode,
                        @RequestParam(required = false) Set<String> actsFor,
                        @RequestParam(required = false) Set<String> scopes, Model model, HttpServletResponse response) {
        try {
            ApiClientService.IssuedKey issued = clients.create(name, departmentCode, actsFor, scopes(scopes));
            return showKey(issued, model, response);
        } catch (RuleViolationException | ConflictException e) {
            FormErrors.show(model, e);
            model.addAttribute("client", null);
            model.addAttribute("entered", new EnteredClient(name, departmentCode, actsFor, scopes));
            return clientForm(model);
        }
    }

    @GetMapping("/api-clients/{id}/edit")
    String editClient(@PathVariable UUID id, Model model) {
        model.addAttribute("client", clients.get(id));
        return clientForm(model);
    }

    @PostMapping("/api-clients/{id}")
    String updateClient(@PathVariable UUID id, @RequestParam String departmentCode,
                        @RequestParam(required = false) Set<String> actsFor,
                        @RequestParam(required = false) Set<String> scopes,
                        @RequestParam(defaultValue = "false") boolean enabled, Model model, RedirectAttributes redirect) {
        try {
            clients.update(id, departmentCode, actsFor, scopes(scopes), enabled);
            redirect.addFlashAttribute("notice", "已保存接口客户端");
            return "redirect:/admin/api-clients";
        } catch (RuleViolationException e) {
            FormErrors.show(model, e);
            model.addAttribute("client", clients.get(id));
            return clientForm(model);
        }
    }

    @PostMapping("/api-clients/{id}/rotate")
    String rotate(@PathVariable UUID id, Model model, HttpServletResponse response) {
        return showKey(clients.rotateKey(id), model, response);
    }

    private String showKey(ApiClientService.IssuedKey issued, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("issued", issued);
        return "admin/api-client-key";
    }

    private String clientForm(Model model) {
        Set<String> acts = model.getAttribute("client") instanceof ApiClient c ? c.actsFor()
                : model.getAttribute("entered") instanceof EnteredClient e ? e.actsFor() : Set.of();
        model.addAttribute("acts", acts);
        model.addAttribute("allScopes", Scope.values());
        model.addAttribute("departments", departments.all());
        return "admin/api-client-form";
    }

    private static Set<Scope> scopes(Set<String> codes) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (codes != null) {
            codes.forEach(code -> Scope.fromCode(code).ifPresent(scopes::add));
        }
        return scopes;
    }


    /** What was typed into the new-client form, shown again when it is refused. */
    record EnteredClient(String name, String departmentCode, Set<String> actsFor, Set<String> scopes) {
        EnteredClient {
            actsFor = actsFor == null ? Set.of() : actsFor;
            scopes = scopes == null ? Set.of() : scopes;
        }
    }
}
