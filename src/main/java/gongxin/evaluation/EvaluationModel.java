package gongxin.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import gongxin.entries.CreditEntry;
import gongxin.entries.EntryCategory;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryNature;
import gongxin.entries.EntryStatus;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;

/**
 * A points model (cities' 公共信用综合评价, e.g. 1000 base points with deductions and bonuses): no national thresholds
 * exist, so everything is data, versioned by the day it applies from (a model change never rewrites past grades).
 *
 * @param base the score of a subject with nothing that counts
 * @param grades the grades, highest first, each with the least score it needs; the last one's {@code min} is null
 * @param indicators what is added (negative: deducted) per counting entry, each bounded by its {@code cap}
 * @param overrides a grade a counting entry imposes whatever the points (an in-force serious-dishonesty listing → D)
 * @param samplingRatios the share of each grade drawn for inspections when a department does not give its own
 *                       (分级分类监管: fewer random inspections for A, more for C and D)
 */
record EvaluationModel(String code, String name, LocalDate effectiveFrom, int base, List<Grade> grades,
                       List<Indicator> indicators, List<Override> overrides, java.util.Map<String, Double> samplingRatios) {

    /** Kinds a selector may name: the credit entry kinds, and RED_LIST for entries of red lists. */
    static final String RED_LIST = "RED_LIST";

    record Grade(String grade, Integer min) {
    }

    /**
     * Which entries an indicator or an override counts.
     *
     * @param kind a credit entry kind ({@code LIST_ENTRY}: dishonesty lists) or {@code RED_LIST}
     * @param severity only entries of this severity
     * @param listDomain only list entries of this domain
     * @param withinMonths only entries dated within this many months before the day evaluated
     * @param nature only entries of this nature ({@code TRUSTWORTHY} selects kept commitments)
     */
    record Select(String kind, String severity, String listDomain, Integer withinMonths, String nature) {

        /**
         * Whether the entry is selected on {@code day}. Only what counts that day is selected: decided by then, not
         * revoked, repaired or past its window, information that is dishonesty or trustworthiness (an exempt penalty
         * is neither), not a minor's (Administrative Penalty Law art. 30).
         */
        boolean selects(CreditEntry e, LocalDate day) {
            if (!counts(e, day)) {
                return false;
            }
            // equals, not a switch on the string: this runs for every entry of every subject of a full run
            boolean kindMatches = RED_LIST.equals(kind) ? e.category() == EntryCategory.RED_LIST
                    : EntryKind.LIST_ENTRY.name().equals(kind)
                    ? e.kind() == EntryKind.LIST_ENTRY && e.category() == EntryCategory.DISHONESTY_LIST
                    : e.kind().name().equals(kind);
            return kindMatches && (severity == null || severity.equals(e.severity()))
                    && (listDomain == null || listDomain.equals(e.domain()))
                    && (withinMonths == null || e.date().isAfter(day.minusMonths(withinMonths)))
                    && (nature == null || nature.equals(e.nature().name()));
        }

        static boolean counts(CreditEntry e, LocalDate day) {
            return !e.date().isAfter(day) && (e.countsUntil() == null || e.countsUntil().isAfter(day))
                    && e.status() != EntryStatus.REVOKED && e.status() != EntryStatus.REPAIRED
                    && e.nature() != EntryNature.NEUTRAL && e.exemption() == null && !e.minor();
        }

        /** The first day after {@code day} on which what this selects of {@code e} may change without a new entry. */
        LocalDate nextChange(CreditEntry e, LocalDate day) {
            LocalDate next = e.countsUntil() != null && e.countsUntil().isAfter(day) ? e.countsUntil() : null;
            if (withinMonths != null) {
                LocalDate outOfLookBack = e.date().plusMonths(withinMonths);
                if (outOfLookBack.isAfter(day) && (next == null || outOfLookBack.isBefore(next))) {
                    next = outOfLookBack;
                }
            }
            return next;
        }
    }

    /** @param cap the largest magnitude the indicator's total reaches (deductions and bonuses alike), if any */
    record Indicator(String code, String name, Select select, int points, Integer cap) {
    }

    record Override(Select select, String grade) {
    }

    /** What an administrator sends, as typed. */
    record Draft(String name, LocalDate effectiveFrom, Integer base, List<Grade> grades, List<Indicator> indicators,
                 List<Override> overrides, java.util.Map<String, Double> samplingRatios) {
    }

    private static final Set<String> KINDS = kinds();

    private static Set<String> kinds() {
        Set<String> kinds = new HashSet<>();
        for (EntryKind k : EntryKind.values()) {
            kinds.add(k.name());
        }
        kinds.add(RED_LIST);
        return Set.copyOf(kinds);
    }

    /** A model from what was sent, or every rule it breaks (docs/api.md: {@code grades-order}, {@code unknown-kind}). */
    static EvaluationModel define(String code, Draft d) {
        List<RuleViolation> v = new ArrayList<>();
        String normalized = Text.normalizeIdentifier(code);
        if (normalized == null || !normalized.matches("[A-Z][A-Z0-9-]{1,39}")) {
            v.add(RuleViolation.of("code", code, "format", "模型代码应为 2–40 位大写字母、数字或连字符"));
        }
        if (d == null) {
            throw new RuleViolationException("评价模型不完整", List.of(RuleViolation.of("body", null, "required", "请提交评价模型")));
        }
        if (Text.isBlank(d.name())) {
            v.add(RuleViolation.of("name", null, "required", "请填写模型名称"));
        }
        if (d.effectiveFrom() == null) {
            v.add(RuleViolation.of("effectiveFrom", null, "required", "请填写模型适用的起始日期"));
        }
        if (d.base() == null) {
            v.add(RuleViolation.of("base", null, "required", "请填写基础分"));
        }
        List<Grade> grades = d.grades() == null ? List.of() : d.grades();
        if (grades.size() < 2) {
            v.add(RuleViolation.of("grades", Integer.toString(grades.size()), "grades-order", "至少需要两个等级"));
        } else {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < grades.size(); i++) {
                Grade g = grades.get(i);
                boolean last = i == grades.size() - 1;
                if (g == null || Text.isBlank(g.grade()) || !names.add(g.grade().strip())) {
                    v.add(RuleViolation.of("grades[" + i + "].grade", g == null ? null : g.grade(), "grades-order", "等级名称须填写且不重复"));
                } else if (last != (g.min() == null)) {
                    v.add(RuleViolation.of("grades[" + i + "].min", String.valueOf(g.min()), "grades-order",
                            last ? "最后一个等级不设最低分（其余分数均归入该等级）" : "除最后一个等级外，每个等级须有最低分"));
                } else if (i > 0 && !last && grades.get(i - 1).min() != null && g.min() >= grades.get(i - 1).min()) {
                    v.add(RuleViolation.of("grades[" + i + "].min", String.valueOf(g.min()), "grades-order",
                            "等级须按最低分从高到低排列"));
                }
            }
        }
        List<Indicator> indicators = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        List<Indicator> sentIndicators = d.indicators() == null ? List.of() : d.indicators();
        for (int i = 0; i < sentIndicators.size(); i++) {
            Indicator x = sentIndicators.get(i);
            String at = "indicators[" + i + "]";
            if (x == null || Text.isBlank(x.code()) || !codes.add(x.code().strip())) {
                v.add(RuleViolation.of(at + ".code", x == null ? null : x.code(), "required", "指标代码须填写且不重复"));
                continue;
            }
            if (Text.isBlank(x.name())) {
                v.add(RuleViolation.of(at + ".name", null, "required", "请填写指标名称"));
            }
            Select s = select(x.select(), at + ".select", v);
            if (x.cap() != null && x.cap() <= 0) {
                v.add(RuleViolation.of(at + ".cap", x.cap().toString(), "cap", "封顶分值须为正数"));
            }
            indicators.add(new Indicator(x.code().strip(), Text.clean(x.name()), s, x.points(), x.cap()));
        }
        List<Override> overrides = new ArrayList<>();
        List<Override> sentOverrides = d.overrides() == null ? List.of() : d.overrides();
        for (int i = 0; i < sentOverrides.size(); i++) {
            Override o = sentOverrides.get(i);
            String at = "overrides[" + i + "]";
            if (o == null) {
                continue;
            }
            Select s = select(o.select(), at + ".select", v);
            if (o.grade() == null || grades.stream().noneMatch(g -> g != null && o.grade().equals(g.grade()))) {
                v.add(RuleViolation.of(at + ".grade", o.grade(), "unknown-grade", "覆盖规则的等级须是模型的等级之一"));
            }
            overrides.add(new Override(s, o.grade()));
        }
        java.util.Map<String, Double> ratios = d.samplingRatios() == null ? java.util.Map.of() : d.samplingRatios();
        v.addAll(checkRatios(ratios, "samplingRatios"));
        if (!v.isEmpty()) {
            throw new RuleViolationException("评价模型不符合规则", v);
        }
        return new EvaluationModel(normalized, Text.clean(d.name()), d.effectiveFrom(), d.base(),
                grades.stream().map(g -> new Grade(g.grade().strip(), g.min())).toList(), indicators, overrides,
                new java.util.TreeMap<>(ratios));
    }

    private static Select select(Select s, String at, List<RuleViolation> v) {
        if (s == null || Text.isBlank(s.kind())) {
            v.add(RuleViolation.of(at + ".kind", null, "unknown-kind", "请指明所选信用信息的类别"));
            return new Select("", null, null, null, null);
        }
        String kind = s.kind().strip().toUpperCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            v.add(RuleViolation.of(at + ".kind", s.kind(), "unknown-kind", "信用信息类别应为 " + String.join("、", KINDS.stream().sorted().toList())));
        }
        if (s.withinMonths() != null && s.withinMonths() <= 0) {
            v.add(RuleViolation.of(at + ".withinMonths", s.withinMonths().toString(), "range", "回溯月数须为正数"));
        }
        if (s.nature() != null && !Set.of("DISHONESTY", "TRUSTWORTHY").contains(s.nature())) {
            v.add(RuleViolation.of(at + ".nature", s.nature(), "nature", "信息性质应为 DISHONESTY 或 TRUSTWORTHY"));
        }
        return new Select(kind, Text.isBlank(s.severity()) ? null : s.severity().strip(),
                Text.isBlank(s.listDomain()) ? null : s.listDomain().strip(), s.withinMonths(), s.nature());
    }

    /** Each ratio a share between 0 and 1 ({@code ratio-range}). */
    static List<RuleViolation> checkRatios(java.util.Map<String, Double> ratios, String field) {
        List<RuleViolation> v = new ArrayList<>();
        ratios.forEach((grade, ratio) -> {
            if (ratio == null || ratio < 0 || ratio > 1) {
                v.add(RuleViolation.of(field + "." + grade, String.valueOf(ratio), "ratio-range", "抽查比例须在 0 到 1 之间"));
            }
        });
        return v;
    }

    /** The grade a score reaches: the first whose minimum it reaches, the last otherwise. */
    String gradeOf(int score) {
        for (Grade g : grades) {
            if (g.min() == null || score >= g.min()) {
                return g.grade();
            }
        }
        return grades.get(grades.size() - 1).grade();
    }
}
