package gongxin.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import gongxin.audit.AuditLog;
import gongxin.shared.ConflictException;
import gongxin.shared.CreditCode;
import gongxin.shared.IdentifierCheck;
import gongxin.shared.NotFoundException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DepartmentService implements Departments {

    private final DepartmentRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    DepartmentService(DepartmentRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<Department> find(String code) {
        return repository.find(code);
    }

    @Override
    public Optional<Department> findByCreditCode(String creditCode) {
        return repository.findByCreditCode(Text.normalizeIdentifier(creditCode));
    }

    @Override
    public List<Department> all() {
        return repository.findAll();
    }

    /** The departments as a tree, roots first by level, children under their parent. */
    List<DepartmentNode> tree() {
        List<Department> all = repository.findAll();
        Map<String, List<Department>> children = new LinkedHashMap<>();
        for (Department d : all) {
            if (d.parentCode() != null) {
                children.computeIfAbsent(d.parentCode(), k -> new ArrayList<>()).add(d);
            }
        }
        return all.stream().filter(d -> d.parentCode() == null).map(d -> node(d, children)).toList();
    }

    private static DepartmentNode node(Department d, Map<String, List<Department>> children) {
        return new DepartmentNode(d, children.getOrDefault(d.code(), List.of()).stream().map(c -> node(c, children)).toList());
    }

    @Transactional
    Department create(DepartmentForm form) {
        Department department = validate(form, null);
        repository.find(department.code()).ifPresent(existing -> {
            throw new ConflictException("code", department.code(), "部门编码“" + department.code() + "”已存在");
        });
        checkUnique(department);
        repository.insert(department, clock.instant());
        audit.record("DEPARTMENT_CREATED", "department", department.code(), describe(department));
        return department;
    }

    @Transactional
    Department update(String code, DepartmentForm form) {
        Department existing = repository.find(code).orElseThrow(() -> new NotFoundException("部门“" + code + "”不存在"));
        Department department = validate(form, existing.code());
        checkUnique(department);
        repository.update(department, clock.instant());
        Map<String, Object> details = describe(department);
        details.put("before", describe(existing));
        audit.record("DEPARTMENT_UPDATED", "department", code, details);
        return department;
    }

    private Department validate(DepartmentForm form, String fixedCode) {
        List<RuleViolation> violations = new ArrayList<>();
        String code = fixedCode != null ? fixedCode : Text.normalizeIdentifier(form.code());
        if (fixedCode == null && (code == null || !code.matches("[A-Z0-9][A-Z0-9-]{1,31}"))) {
            violations.add(RuleViolation.of("code", form.code(), "format", "部门编码应为2-32位大写字母、数字或连字符"));
        }
        String name = Text.clean(form.name());
        if (name == null || name.isEmpty()) {
            violations.add(RuleViolation.of("name", form.name(), "required", "请填写部门名称"));
        }
        IdentifierCheck<CreditCode> creditCode = CreditCode.check(form.creditCode());
        if (!creditCode.valid()) {
            violations.add(creditCode.violation("creditCode"));
        }
        DepartmentLevel level = parseLevel(form.level());
        if (level == null) {
            violations.add(RuleViolation.of("level", form.level(), "one-of", "请选择部门层级：市级、县（区）级或乡镇（街道）级"));
        }
        String parentCode = Text.isBlank(form.parentCode()) ? null : Text.normalizeIdentifier(form.parentCode());
        if (parentCode != null) {
            Optional<Department> parent = repository.find(parentCode);
            if (parent.isEmpty()) {
                violations.add(RuleViolation.of("parentCode", form.parentCode(), "exists", "上级部门“" + parentCode + "”不存在"));
            } else {
                if (level != null && !level.mayBeBelow(parent.get().level())) {
                    violations.add(RuleViolation.of("level", form.level(), "below-parent",
                            level.label() + "部门不能隶属于" + parent.get().level().label() + "部门"));
                }
                if (code != null && createsCycle(code, parentCode)) {
                    violations.add(RuleViolation.of("parentCode", form.parentCode(), "no-cycle", "上级部门不能是本部门或其下级部门"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException("部门信息不符合规则", violations);
        }
        List<String> duties = form.duties() == null ? List.of() : Arrays.stream(form.duties().split("[;；,，、\\n]"))
                .map(Text::clean).filter(s -> !s.isEmpty()).distinct().toList();
        String sector = Text.isBlank(form.sector()) ? null : Text.normalizeIdentifier(form.sector());
        if (sector != null && !Department.SECTORS.containsKey(sector)) {
            throw RuleViolationException.of("sector", form.sector(), "one-of", "系统应为：市场监管、税务、法院，或不填");
        }
        return new Department(code, name, creditCode.value().value(), level, parentCode, duties, form.active(), sector);
    }

    private boolean createsCycle(String code, String parentCode) {
        Set<String> seen = new HashSet<>();
        String current = parentCode;
        while (current != null && seen.add(current)) {
            if (current.equals(code)) {
                return true;
            }
            current = repository.find(current).map(Department::parentCode).orElse(null);
        }
        return false;
    }

    private void checkUnique(Department department) {
        repository.findByName(department.name()).filter(d -> !d.code().equals(department.code())).ifPresent(d -> {
            throw new ConflictException("name", department.name(), "部门名称“" + department.name() + "”已被 " + d.code() + " 使用");
        });
        repository.findByCreditCode(department.creditCode()).filter(d -> !d.code().equals(department.code())).ifPresent(d -> {
            throw new ConflictException("creditCode", department.creditCode(),
                    "统一社会信用代码 " + department.creditCode() + " 已被“" + d.name() + "”使用");
        });
    }

    private static DepartmentLevel parseLevel(String level) {
        if (level == null) {
            return null;
        }
        return Arrays.stream(DepartmentLevel.values())
                .filter(l -> l.name().equalsIgnoreCase(level.trim()) || l.label().equals(level.trim()))
                .findFirst().orElse(null);
    }

    private static Map<String, Object> describe(Department d) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", d.name());
        map.put("creditCode", d.creditCode());
        map.put("level", d.level().name());
        map.put("parentCode", d.parentCode());
        map.put("duties", d.duties());
        map.put("active", d.active());
        map.put("sector", d.sector());
        return map;
    }

    /** A department with the departments directly below it. */
    record DepartmentNode(Department department, List<DepartmentNode> children) {
    }

    /** What an administrator enters for a department (text as typed). */
    record DepartmentForm(String code, String name, String creditCode, String level, String parentCode,
                          String duties, boolean active, String sector) {
    }
}
