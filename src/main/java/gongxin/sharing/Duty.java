package gongxin.sharing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import gongxin.entries.EntryKind;
import gongxin.shared.RuleViolation;
import gongxin.shared.Text;

/**
 * One line of a department's sharing duties (共享责任清单): for a matter it handles, which kinds of credit entries it
 * may read and on which legal basis; a statutory duty (a law gives the department the power to process the data) needs
 * no person's consent (个人信息保护法 art. 13, 34).
 */
record Duty(String department, String matter, Set<EntryKind> kinds, String legalBasis, boolean statutory) {

    /** What the credit office sends for a line, before it is checked. */
    record Draft(String matter, List<String> kinds, String legalBasis, Boolean statutory) {
    }

    /**
     * Checks a line and says everything wrong with it at once.
     *
     * @param field where the line is in the request, for the violations ({@code duties[2]})
     * @param knownMatter whether a matter code is in the matter catalog
     */
    static Duty check(String department, Draft d, String field, java.util.function.Predicate<String> knownMatter,
                      List<RuleViolation> violations) {
        int before = violations.size();
        String matter = d == null || d.matter() == null ? null : d.matter().strip().toUpperCase(Locale.ROOT);
        if (Text.isBlank(matter)) {
            violations.add(RuleViolation.of(field + ".matter", null, "required", "请写明事项代码"));
        } else if (!knownMatter.test(matter)) {
            violations.add(RuleViolation.of(field + ".matter", matter, "unknown-matter", "事项目录中没有 " + matter));
        }
        Set<EntryKind> kinds = EnumSet.noneOf(EntryKind.class);
        if (d == null || d.kinds() == null || d.kinds().isEmpty()) {
            violations.add(RuleViolation.of(field + ".kinds", null, "required", "请列出该事项可查询的信用信息类别"));
        } else {
            for (String k : d.kinds()) {
                try {
                    kinds.add(EntryKind.valueOf(k == null ? "" : k.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    violations.add(RuleViolation.of(field + ".kinds", k, "unknown-kind",
                            "信用信息类别应为 RECORD、LIST_ENTRY、COMMITMENT 或 COMMITMENT_BREACH"));
                }
            }
        }
        if (d == null || Text.isBlank(d.legalBasis())) {
            violations.add(RuleViolation.of(field + ".legalBasis", null, "required", "请写明共享的法律依据"));
        }
        if (d == null || d.statutory() == null) {
            violations.add(RuleViolation.of(field + ".statutory", null, "required", "请说明是否为法定职责（无需个人授权）"));
        }
        return violations.size() > before ? null
                : new Duty(department, matter, Set.copyOf(kinds), d.legalBasis().strip(), d.statutory());
    }

    /** The kinds in the contract's order, for pages. */
    public List<String> kindNames() {
        return names(kinds);
    }

    static List<String> names(Set<EntryKind> kinds) {
        List<String> names = new ArrayList<>();
        for (EntryKind k : EntryKind.values()) {
            if (kinds.contains(k)) {
                names.add(k.name());
            }
        }
        return names;
    }
}
