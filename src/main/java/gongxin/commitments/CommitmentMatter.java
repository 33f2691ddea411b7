package gongxin.commitments;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import gongxin.catalog.Severity;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;

/**
 * A matter for which a department accepts a credit commitment instead of (or beside) proof: its type, the text the
 * subject signs, the working days within which the department verifies it, the severity a breach gets, and who may
 * not take the commitment route (国办发〔2019〕35号: subjects with serious dishonesty, or an earlier false or unfulfilled
 * commitment not repaired).
 *
 * @param publicFlag whether its commitments are public; null: public for APPROVAL and PUBLIC types (docs/api.md)
 */
record CommitmentMatter(String code, String name, String department, CommitmentType type, String text,
                        int verifyWithinWorkingDays, Severity breachSeverity, Set<Exclusion> excludes, Boolean publicFlag) {

    /** Who is excluded from a matter's commitment route, as data per matter. */
    enum Exclusion {
        /** an in-force serious-dishonesty (or other dishonesty) list entry */
        LISTED,
        /** a breach of a commitment, not repaired, decided in the last three years */
        BREACHED
    }

    CommitmentMatter {
        excludes = excludes == null || excludes.isEmpty() ? EnumSet.noneOf(Exclusion.class) : EnumSet.copyOf(excludes);
    }

    /** Whether a commitment of this matter is shown on the website (with its status). */
    boolean publicCommitments() {
        return publicFlag != null ? publicFlag : type == CommitmentType.APPROVAL || type == CommitmentType.PUBLIC;
    }

    /** What a department's system or the credit office sends, as typed. */
    record Draft(String name, String department, String type, String text, Integer verifyWithinWorkingDays,
                 String breachSeverity, List<String> excludes, Boolean publicFlag) {
    }

    /**
     * A matter from what was sent, or every rule it breaks.
     *
     * @param departmentKnown whether the department exists
     */
    static CommitmentMatter define(String code, Draft d, java.util.function.Predicate<String> departmentKnown) {
        List<RuleViolation> v = new ArrayList<>();
        String normalized = Text.normalizeIdentifier(code);
        if (normalized == null || !normalized.matches("[A-Z][A-Z0-9-]{1,39}")) {
            v.add(RuleViolation.of("code", code, "format", "事项代码应为 2–40 位大写字母、数字或连字符"));
        }
        if (d == null) {
            throw new RuleViolationException("承诺事项不完整", List.of(RuleViolation.of("body", null, "required", "请提交承诺事项")));
        }
        if (Text.isBlank(d.name())) {
            v.add(RuleViolation.of("name", null, "required", "请填写事项名称"));
        }
        if (Text.isBlank(d.department())) {
            v.add(RuleViolation.of("department", null, "required", "请填写受理承诺的部门"));
        } else if (!departmentKnown.test(d.department().strip())) {
            v.add(RuleViolation.of("department", d.department(), "unknown-department", "部门不存在"));
        }
        CommitmentType type = parse(CommitmentType.class, d.type());
        if (type == null) {
            v.add(RuleViolation.of("type", d.type(), "type", "承诺类型应为 APPROVAL（告知承诺）、PUBLIC（主动公示）、INDUSTRY（行业自律）或 REPAIR（信用修复）"));
        }
        if (Text.isBlank(d.text())) {
            v.add(RuleViolation.of("text", null, "required", "请填写承诺书文本（主体签署的内容）"));
        }
        Integer days = d.verifyWithinWorkingDays();
        if (days == null || days < 1 || days > 365) {
            v.add(RuleViolation.of("verifyWithinWorkingDays", String.valueOf(days), "range", "核查期限应为 1–365 个工作日"));
        }
        Severity severity = severity(d.breachSeverity());
        if (severity == null || severity == Severity.MINOR) {
            v.add(RuleViolation.of("breachSeverity", d.breachSeverity(), "severity", "失诺的失信程度应为 ORDINARY（一般）或 SERIOUS（严重）"));
        }
        Set<Exclusion> excludes = EnumSet.noneOf(Exclusion.class);
        for (String e : d.excludes() == null ? List.<String>of() : d.excludes()) {
            Exclusion x = parse(Exclusion.class, e);
            if (x == null) {
                v.add(RuleViolation.of("excludes", e, "exclusion", "排除情形应为 LISTED（列入失信名单）或 BREACHED（未修复的失诺）"));
            } else {
                excludes.add(x);
            }
        }
        if (!v.isEmpty()) {
            throw new RuleViolationException("承诺事项不符合规则", v);
        }
        return new CommitmentMatter(normalized, Text.clean(d.name()), d.department().strip(), type, d.text().strip(), days,
                severity, excludes, d.publicFlag());
    }

    /** The codes check hits already use; the Chinese names accepted too. */
    static Severity severity(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip()) {
            case "一般", "ORDINARY" -> Severity.ORDINARY;
            case "严重", "SERIOUS" -> Severity.SERIOUS;
            case "轻微", "MINOR" -> Severity.MINOR;
            default -> null;
        };
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
