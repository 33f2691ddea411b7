package gongxin.records;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import gongxin.catalog.CatalogItem;
import gongxin.catalog.Nature;
import gongxin.catalog.RuleSet;
import gongxin.catalog.Severity;

/**
 * Whether and from when a record may be repaired, as the rule sets say it (NDRC Order 36, art. 24–26 and 31; credit-rules
 * §5–§6): only dishonesty information still in force can be repaired, and not before its minimum publicity period has
 * passed. The minimum is that of the rule set of the decision date, or of a later one in force today when it is
 * shorter (a later rule more favourable to the subject applies). The minimum's last day is the decision date plus its
 * months (Civil Code art. 201–202), so repair is possible from the next day. A severity without a minimum (轻微) is
 * repairable once the duty is performed, from the decision date.
 *
 * @param repairable whether an application can be accepted at all
 * @param rule why not, as the contract names it ({@code not-repairable}), when it is not
 * @param reason a Chinese explanation for the applicant
 * @param earliestDate the first day repair is possible, for a repairable record
 * @param minimumMonths the minimum publicity period that applies, if any
 * @param ruleSet the rule set that gives it
 */
public record RepairTerms(boolean repairable, String rule, String reason, LocalDate earliestDate, Integer minimumMonths,
                          String ruleSet) {

    static RepairTerms notRepairable(String reason) {
        return new RepairTerms(false, "not-repairable", reason, null, null, null);
    }

    /** Whether repair may be granted on {@code day}. */
    public boolean possibleOn(LocalDate day) {
        return repairable && !day.isBefore(earliestDate);
    }

    static RepairTerms of(CreditRecord record, CatalogItem item, List<RuleSet> ruleSets, String sector, LocalDate today) {
        if (item.nature() != Nature.DISHONEST || !record.dishonest()) {
            return notRepairable("该信息不是失信信息（" + (record.exclusion() != null ? "不作为失信信息" : "非失信类信息") + "），无需信用修复");
        }
        switch (record.status()) {
            case REVOKED -> {
                return notRepairable("该记录已撤销，不再公示或使用，无需信用修复");
            }
            case REPAIRED -> {
                return notRepairable("该记录已于 " + record.repairedOn() + " 完成信用修复");
            }
            case PUBLICITY_ENDED -> {
                return notRepairable("该记录公示期已满，已停止公示，无需信用修复");
            }
            default -> {
            }
        }
        Severity severity = record.severity() == null ? item.defaultSeverity() : Severity.valueOf(record.severity());
        Optional<Minimum> minimum = severity == null || item.infoType() == null ? Optional.empty()
                : minimum(item.infoType(), severity, ruleSets, record.decisionDate(), today, sector);
        if (minimum.isEmpty() || minimum.get().months() == 0) {
            return new RepairTerms(true, null, null, record.decisionDate(), minimum.map(Minimum::months).orElse(null),
                    minimum.map(Minimum::ruleSet).orElse(record.ruleSet()));
        }
        LocalDate earliest = record.decisionDate().plusMonths(minimum.get().months()).plusDays(1);
        return new RepairTerms(true, null, null, earliest, minimum.get().months(), minimum.get().ruleSet());
    }

    private record Minimum(String ruleSet, int months, LocalDate effectiveFrom) {
    }

    private static Optional<Minimum> minimum(String infoType, Severity severity, List<RuleSet> ruleSets, LocalDate decided,
                                             LocalDate today, String sector) {
        Optional<RuleSet> atDecision = ruleSets.stream().filter(s -> !s.effectiveFrom().isAfter(decided))
                .max(Comparator.comparing(RuleSet::effectiveFrom));
        return ruleSets.stream()
                .filter(s -> atDecision.map(d -> s == d).orElse(false)
                        || (s.effectiveFrom().isAfter(decided) && !s.effectiveFrom().isAfter(today)))
                .flatMap(s -> s.period(infoType, severity, sector)
                        .map(p -> new Minimum(s.code(), p.minMonths() == null ? 0 : p.minMonths(), s.effectiveFrom())).stream())
                .min(Comparator.comparing(Minimum::months).thenComparing(Minimum::effectiveFrom));
    }
}
