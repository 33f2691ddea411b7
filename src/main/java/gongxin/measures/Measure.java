package gongxin.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;

/**
 * A measure of a reward or punishment list (credit-rules §4): no measure without a legal basis, each with the body that
 * implements it, and triggered only by what it names (proportionality: a measure matches the nature and severity of
 * the dishonesty).
 *
 * @param category for punishments, the national list's category: 1 measures of public administration that reduce
 *                 rights or add obligations, 2 management measures within a body's duties, 3 measures market and
 *                 social bodies decide on their own
 * @param source the list it comes from (national, provincial, the city's own additions)
 * @param mandatory must be applied (依法必须) rather than for reference
 * @param example seeded as an example of the national list, not its authoritative text
 * @param listTypes list types whose entries trigger it
 * @param recordItems catalog items whose dishonesty records trigger it
 * @param severities with {@code recordItems}: only records of these severities (none = any)
 * @param matters the matters it applies to
 * @param breachMatters commitment matters whose breaches (失信承诺) trigger it; {@code *} for a breach of any matter
 * @param grades the subject's evaluation grades that trigger it (分级分类监管: an incentive for A, closer supervision for D)
 */
public record Measure(String code, String name, Kind kind, Integer category, Source source, String content, String target,
                      String basis, String implementedBy, boolean mandatory, boolean example, List<String> listTypes,
                      List<String> recordItems, List<String> severities, List<String> matters, LocalDate effectiveFrom,
                      LocalDate withdrawnOn, List<String> breachMatters, List<String> grades, Integer withinMonths,
                      boolean reachesRepresentatives) {

    /** Any commitment matter's breach. */
    public static final String ANY_MATTER = "*";

    public enum Kind { PUNISHMENT, INCENTIVE }

    public enum Source { NATIONAL, PROVINCIAL, LOCAL }

    public Measure {
        listTypes = List.copyOf(listTypes == null ? List.of() : listTypes);
        recordItems = List.copyOf(recordItems == null ? List.of() : recordItems);
        severities = List.copyOf(severities == null ? List.of() : severities);
        matters = List.copyOf(matters == null ? List.of() : matters);
        breachMatters = List.copyOf(breachMatters == null ? List.of() : breachMatters);
        grades = List.copyOf(grades == null ? List.of() : grades);
    }

    /** Whether a subject of this evaluation grade triggers it. */
    public boolean triggeredByGrade(String grade) {
        return grade != null && grades.contains(grade);
    }

    /** A measure that no commitment breach triggers. */
    public Measure(String code, String name, Kind kind, Integer category, Source source, String content, String target,
                   String basis, String implementedBy, boolean mandatory, boolean example, List<String> listTypes,
                   List<String> recordItems, List<String> severities, List<String> matters, LocalDate effectiveFrom,
                   LocalDate withdrawnOn) {
        this(code, name, kind, category, source, content, target, basis, implementedBy, mandatory, example, listTypes,
                recordItems, severities, matters, effectiveFrom, withdrawnOn, List.of(), List.of(), null, false);
    }

    /**
     * Whether a record decided on {@code decidedOn} is still recent enough on {@code day} to trigger it: a measure
     * worded "within N months of a penalty" (for example 一年内受到严重行政处罚) applies for N months from the decision,
     * not for the record's whole publicity window (issue 26, finding 10). Without {@code withinMonths}: always.
     */
    public boolean recentEnough(LocalDate decidedOn, LocalDate day) {
        return withinMonths == null || decidedOn == null || decidedOn.plusMonths(withinMonths).isAfter(day);
    }

    /** In force on {@code day}. */
    public boolean inForce(LocalDate day) {
        return !effectiveFrom.isAfter(day) && (withdrawnOn == null || withdrawnOn.isAfter(day));
    }

    /**
     * Whether a credit entry of this kind and code (catalog item, list type) and severity triggers it; the entry's nature
     * must match the measure's kind, which the caller checks.
     */
    public boolean triggeredBy(gongxin.entries.EntryKind kind, String code, String severity) {
        return switch (kind) {
            case RECORD -> triggeredByRecord(code, severity);
            case LIST_ENTRY -> triggeredByListType(code);
            case COMMITMENT_BREACH -> breachMatters.contains(ANY_MATTER) || breachMatters.contains(code);
            case COMMITMENT -> false;
        };
    }

    /** Whether an entry of this list type triggers it. */
    public boolean triggeredByListType(String listType) {
        return listTypes.contains(listType);
    }

    /** Whether a dishonesty record of this item and severity triggers it. */
    public boolean triggeredByRecord(String itemCode, String severity) {
        return recordItems.contains(itemCode) && (severities.isEmpty() || (severity != null && severities.contains(severity)));
    }

    /** What an administrator enters (or a workbook row holds), as typed. */
    public record Draft(String code, String name, String kind, Integer category, String source, String content, String target,
                        String basis, String implementedBy, Boolean mandatory, Boolean example, List<String> listTypes,
                        List<String> recordItems, List<String> severities, List<String> matters, LocalDate effectiveFrom,
                        LocalDate withdrawnOn, List<String> breachMatters, List<String> grades, Integer withinMonths,
                        Boolean reachesRepresentatives) {

        /** A draft that does not reach the legal representatives of the organisations on a list. */
        public Draft(String code, String name, String kind, Integer category, String source, String content, String target,
                     String basis, String implementedBy, Boolean mandatory, Boolean example, List<String> listTypes,
                     List<String> recordItems, List<String> severities, List<String> matters, LocalDate effectiveFrom,
                     LocalDate withdrawnOn, List<String> breachMatters, List<String> grades, Integer withinMonths) {
            this(code, name, kind, category, source, content, target, basis, implementedBy, mandatory, example, listTypes,
                    recordItems, severities, matters, effectiveFrom, withdrawnOn, breachMatters, grades, withinMonths, null);
        }

        /** A draft without an age limit on the records that trigger it. */
        public Draft(String code, String name, String kind, Integer category, String source, String content, String target,
                     String basis, String implementedBy, Boolean mandatory, Boolean example, List<String> listTypes,
                     List<String> recordItems, List<String> severities, List<String> matters, LocalDate effectiveFrom,
                     LocalDate withdrawnOn, List<String> breachMatters, List<String> grades) {
            this(code, name, kind, category, source, content, target, basis, implementedBy, mandatory, example, listTypes,
                    recordItems, severities, matters, effectiveFrom, withdrawnOn, breachMatters, grades, null);
        }

        /** A draft that no commitment breach triggers. */
        public Draft(String code, String name, String kind, Integer category, String source, String content, String target,
                     String basis, String implementedBy, Boolean mandatory, Boolean example, List<String> listTypes,
                     List<String> recordItems, List<String> severities, List<String> matters, LocalDate effectiveFrom,
                     LocalDate withdrawnOn) {
            this(code, name, kind, category, source, content, target, basis, implementedBy, mandatory, example, listTypes,
                    recordItems, severities, matters, effectiveFrom, withdrawnOn, List.of(), List.of(), null);
        }

        /** A draft that no grade triggers. */
        public Draft(String code, String name, String kind, Integer category, String source, String content, String target,
                     String basis, String implementedBy, Boolean mandatory, Boolean example, List<String> listTypes,
                     List<String> recordItems, List<String> severities, List<String> matters, LocalDate effectiveFrom,
                     LocalDate withdrawnOn, List<String> breachMatters) {
            this(code, name, kind, category, source, content, target, basis, implementedBy, mandatory, example, listTypes,
                    recordItems, severities, matters, effectiveFrom, withdrawnOn, breachMatters, List.of(), null);
        }
    }

    /**
     * A measure from what was entered, or every rule it breaks.
     *
     * @param knownMatters the matter codes of the catalog
     * @param knownListTypes the list type codes
     */
    static Measure define(Draft d, Set<String> knownMatters, Set<String> knownListTypes, String fieldPrefix) {
        List<RuleViolation> v = new ArrayList<>();
        String code = Text.normalizeIdentifier(d.code());
        if (code == null || !code.matches("[A-Z][A-Z0-9-]{1,39}")) {
            v.add(RuleViolation.of(fieldPrefix + "code", d.code(), "format", "措施代码应为 2–40 位大写字母、数字或连字符"));
        }
        if (Text.isBlank(d.name())) {
            v.add(RuleViolation.of(fieldPrefix + "name", d.name(), "required", "请填写措施名称"));
        }
        Kind kind = parse(Kind.class, d.kind());
        if (kind == null) {
            v.add(RuleViolation.of(fieldPrefix + "kind", d.kind(), "kind", "措施种类应为 PUNISHMENT（惩戒）或 INCENTIVE（激励）"));
        }
        if (kind == Kind.PUNISHMENT && (d.category() == null || d.category() < 1 || d.category() > 3)) {
            v.add(RuleViolation.of(fieldPrefix + "category", String.valueOf(d.category()), "category",
                    "惩戒措施须属于全国清单的三类之一（1、2、3）"));
        }
        Source source = d.source() == null || d.source().isBlank() ? Source.LOCAL : parse(Source.class, d.source());
        if (source == null) {
            v.add(RuleViolation.of(fieldPrefix + "source", d.source(), "source", "来源应为 NATIONAL、PROVINCIAL 或 LOCAL"));
        }
        if (Text.isBlank(d.basis())) {
            v.add(RuleViolation.of(fieldPrefix + "basis", d.basis(), "basis-required", "措施须有法律、法规或党中央、国务院政策文件依据"));
        }
        if (Text.isBlank(d.implementedBy())) {
            v.add(RuleViolation.of(fieldPrefix + "implementedBy", d.implementedBy(), "required", "请填写实施部门"));
        }
        if (Text.isBlank(d.content())) {
            v.add(RuleViolation.of(fieldPrefix + "content", d.content(), "required", "请填写措施内容"));
        }
        List<String> matters = clean(d.matters());
        if (matters.isEmpty()) {
            v.add(RuleViolation.of(fieldPrefix + "matters", null, "matters-required", "请至少选择一个适用事项"));
        }
        for (String m : matters) {
            if (!knownMatters.contains(m)) {
                v.add(RuleViolation.of(fieldPrefix + "matters", m, "unknown-matter", "事项“" + m + "”不在事项目录中"));
            }
        }
        List<String> listTypes = clean(d.listTypes());
        for (String t : listTypes) {
            if (!knownListTypes.contains(t)) {
                v.add(RuleViolation.of(fieldPrefix + "listTypes", t, "unknown-list-type", "名单类型“" + t + "”不存在"));
            }
        }
        List<String> items = clean(d.recordItems());
        List<String> breaches = d.breachMatters() == null ? List.of() : d.breachMatters().stream().filter(x -> !Text.isBlank(x))
                .map(x -> ANY_MATTER.equals(x.strip()) ? ANY_MATTER : Text.normalizeIdentifier(x)).distinct().toList();
        for (String b : breaches) {
            if (!ANY_MATTER.equals(b) && !b.matches("[A-Z][A-Z0-9-]{1,39}")) {
                v.add(RuleViolation.of(fieldPrefix + "breachMatters", b, "format", "承诺事项代码应为 2–40 位大写字母、数字或连字符，或 *（任一事项）"));
            }
        }
        List<String> grades = d.grades() == null ? List.of() : d.grades().stream().filter(x -> !Text.isBlank(x)).map(String::strip)
                .distinct().toList();
        if (listTypes.isEmpty() && items.isEmpty() && breaches.isEmpty() && grades.isEmpty()) {
            v.add(RuleViolation.of(fieldPrefix + "listTypes", null, "trigger-required", "请指明触发该措施的名单类型、信用记录信息项、承诺事项或评价等级"));
        }
        List<String> severities = clean(d.severities());
        for (String s : severities) {
            if (!Set.of("MINOR", "ORDINARY", "SERIOUS").contains(s)) {
                v.add(RuleViolation.of(fieldPrefix + "severities", s, "severity", "失信程度应为 MINOR（轻微）、ORDINARY（一般）或 SERIOUS（严重）"));
            }
        }
        LocalDate from = d.effectiveFrom() == null ? LocalDate.of(2021, 1, 1) : d.effectiveFrom();
        if (d.withdrawnOn() != null && !d.withdrawnOn().isAfter(from)) {
            v.add(RuleViolation.of(fieldPrefix + "withdrawnOn", d.withdrawnOn().toString(), "period-order", "停止日期须晚于生效日期"));
        }
        if (d.withinMonths() != null && (d.withinMonths() < 1 || d.withinMonths() > 120)) {
            v.add(RuleViolation.of(fieldPrefix + "withinMonths", d.withinMonths().toString(), "within-months",
                    "触发记录的时限应为 1–120 个月（如“一年内受到严重行政处罚”为 12）"));
        }
        if (d.withinMonths() != null && items.isEmpty()) {
            v.add(RuleViolation.of(fieldPrefix + "withinMonths", d.withinMonths().toString(), "within-months",
                    "时限只适用于由信用记录触发的措施，请同时指明信用记录信息项"));
        }
        if (Boolean.TRUE.equals(d.reachesRepresentatives()) && (kind != Kind.PUNISHMENT || listTypes.isEmpty())) {
            v.add(RuleViolation.of(fieldPrefix + "reachesRepresentatives", "true", "reaches-representatives",
                    "只有由名单触发的惩戒措施可以及于法定代表人（落实到人）"));
        }
        if (!v.isEmpty()) {
            throw new RuleViolationException("措施不符合规则", v);
        }
        return new Measure(code, Text.clean(d.name()), kind, kind == Kind.PUNISHMENT ? d.category() : null, source,
                Text.clean(d.content()), Text.clean(d.target()), Text.clean(d.basis()), Text.clean(d.implementedBy()),
                Boolean.TRUE.equals(d.mandatory()), Boolean.TRUE.equals(d.example()), listTypes, items, severities, matters,
                from, d.withdrawnOn(), breaches, grades, d.withinMonths(), Boolean.TRUE.equals(d.reachesRepresentatives()));
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(x -> !Text.isBlank(x)).map(x -> Text.normalizeIdentifier(x)).distinct().toList();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
