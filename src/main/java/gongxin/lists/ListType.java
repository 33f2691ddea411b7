package gongxin.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;

/**
 * A kind of credit list, as the credit office defines it: who determines it, on which legal basis, what it triggers,
 * how long a subject is told it may state its case, and how long an entry stays at least and at most.
 *
 * @param domain one of the four allowed domains for a dishonesty list; none for a red list
 * @param departmentCode the determining department (谁认定、谁负责)
 * @param basis the legal basis: no list without one (国办发〔2020〕49号: only what law and central policy allow)
 * @param measures what being on the list triggers (the measure list of issue 10 will name them by code)
 * @param statementWorkingDays how long after the prior notice is served the subject may state its case or object
 * @param minimumMonths how long an entry stays at least before it may be removed (e.g. on repair)
 * @param maximumMonths when an entry ends by itself
 * @param upstream kept by another authority and imported here (e.g. the courts' 失信被执行人), not determined locally
 */
record ListType(String code, String name, ListKind kind, ListDomain domain, String departmentCode, String basis,
                List<String> measures, Integer statementWorkingDays, int minimumMonths, int maximumMonths,
                String removalConditions, boolean upstream, AcceptedBasis acceptedBasis) {

    ListType {
        measures = measures == null ? List.of() : List.copyOf(measures);
        acceptedBasis = acceptedBasis == null ? AcceptedBasis.ANY : acceptedBasis;
    }

    /**
     * What a listing of this type may rest on, besides being dishonesty information of an adult (issue 26, finding 1):
     * records of these catalog items (the list's domain: the conduct it is about) decided by these departments (the
     * authorities the list's rules accept). Empty means any.
     */
    record AcceptedBasis(List<String> items, List<String> departments) {

        static final AcceptedBasis ANY = new AcceptedBasis(List.of(), List.of());

        AcceptedBasis {
            items = items == null ? List.of() : List.copyOf(items);
            departments = departments == null ? List.of() : List.copyOf(departments);
        }

        boolean acceptsItem(String itemCode) {
            return items.isEmpty() || items.contains(itemCode);
        }

        boolean acceptsDepartment(String departmentCode) {
            return departments.isEmpty() || departments.contains(departmentCode);
        }
    }

    /**
     * The first day an entry listed on {@code listedOn} may be removed on repair: the day after its minimum period ends
     * (the plans: 公示期满后, "after it ends"; records count the same way, credit-rules §4).
     */
    LocalDate removableFrom(LocalDate listedOn) {
        return listedOn.plusMonths(minimumMonths).plusDays(1);
    }

    /** What an administrator enters; values as typed, checked by {@link #define}. */
    record Draft(String code, String name, String kind, String domain, String department, String basis,
                 List<String> measures, Integer statementWorkingDays, Integer minimumMonths, Integer maximumMonths,
                 String removalConditions, Boolean upstream, List<String> basisItems, List<String> basisDepartments) {
    }

    /**
     * A list type from what was entered, or every rule it breaks.
     *
     * @param departmentExists whether a department code names a department of the platform
     */
    static ListType define(Draft d, Predicate<String> departmentExists) {
        List<RuleViolation> violations = new ArrayList<>();
        String code = Text.normalizeIdentifier(d.code());
        if (code == null || !code.matches("[A-Z][A-Z0-9-]{1,39}")) {
            violations.add(RuleViolation.of("code", d.code(), "format", "名单类型代码应为 2–40 位大写字母、数字或连字符"));
        }
        String name = Text.clean(d.name());
        if (Text.isBlank(name)) {
            violations.add(RuleViolation.of("name", d.name(), "required", "请填写名单名称"));
        }
        ListKind kind = d.kind() == null ? null : switch (d.kind()) {
            case "DISHONESTY" -> ListKind.DISHONESTY;
            case "RED" -> ListKind.RED;
            default -> null;
        };
        if (kind == null) {
            violations.add(RuleViolation.of("kind", d.kind(), "kind", "名单种类应为 DISHONESTY（严重失信）或 RED（守信激励）"));
        }
        ListDomain domain = ListDomain.parse(d.domain()).orElse(null);
        if (kind == ListKind.DISHONESTY && domain == null) {
            violations.add(RuleViolation.of("domain", d.domain(), "domain-not-allowed",
                    "严重失信主体名单只能在四个领域设立：危害生命健康、破坏市场秩序、拒不履行法定义务、拒不履行国防义务（国办发〔2020〕49号）"));
        }
        if (kind == ListKind.RED && d.domain() != null && !d.domain().isBlank()) {
            violations.add(RuleViolation.of("domain", d.domain(), "domain-not-applicable", "守信激励名单不设失信领域"));
        }
        if (d.department() == null || !departmentExists.test(d.department())) {
            violations.add(RuleViolation.of("department", d.department(), "exists", "认定部门不存在"));
        }
        String basis = Text.clean(d.basis());
        if (Text.isBlank(basis)) {
            violations.add(RuleViolation.of("basis", d.basis(), "basis-required",
                    "设立名单须有法律、法规或党中央、国务院政策文件依据（国办发〔2020〕49号）"));
        }
        boolean upstream = Boolean.TRUE.equals(d.upstream());
        Integer statement = d.statementWorkingDays();
        if (kind == ListKind.DISHONESTY && !upstream && (statement == null || statement < 1 || statement > 60)) {
            violations.add(RuleViolation.of("statementWorkingDays", String.valueOf(statement), "statement-period",
                    "本地认定的严重失信名单须给予当事人陈述申辩期限（1–60 个工作日）"));
        }
        int minimum = d.minimumMonths() == null ? 0 : d.minimumMonths();
        Integer maximum = d.maximumMonths();
        if (minimum < 0) {
            violations.add(RuleViolation.of("minimumMonths", String.valueOf(minimum), "not-negative", "最短期限不能为负数"));
        }
        if (maximum == null || maximum < 1 || maximum > 120) {
            violations.add(RuleViolation.of("maximumMonths", String.valueOf(maximum), "maximum-period",
                    "须规定名单的最长期限（1–120 个月），期满自动移出"));
        } else if (minimum > maximum) {
            violations.add(RuleViolation.of("minimumMonths", String.valueOf(minimum), "period-order", "最短期限不能长于最长期限"));
        }
        List<String> basisItems = d.basisItems() == null ? List.of()
                : d.basisItems().stream().map(Text::normalizeIdentifier).filter(c -> !Text.isBlank(c)).distinct().toList();
        List<String> basisDepartments = d.basisDepartments() == null ? List.of()
                : d.basisDepartments().stream().map(Text::clean).filter(c -> !Text.isBlank(c)).distinct().toList();
        for (int i = 0; i < basisDepartments.size(); i++) {
            if (!departmentExists.test(basisDepartments.get(i))) {
                violations.add(RuleViolation.of("basisDepartments[" + i + "]", basisDepartments.get(i), "exists", "部门不存在"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException("名单类型不符合规则", violations);
        }
        List<String> measures = d.measures() == null ? List.of()
                : d.measures().stream().map(Text::clean).filter(m -> !Text.isBlank(m)).toList();
        return new ListType(code, name, kind, kind == ListKind.RED ? null : domain, d.department(), basis, measures,
                upstream ? null : statement, minimum, maximum, Text.clean(d.removalConditions()), upstream,
                new AcceptedBasis(basisItems, basisDepartments));
    }
}
