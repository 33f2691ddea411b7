package gongxin.entries;

import java.time.LocalDate;

/**
 * Whether and from when an entry may be repaired (NDRC Order 36, art. 24–26 and 31; credit-rules §5–§6), as its
 * producer's rules say it.
 *
 * @param repairable whether an application can be accepted at all
 * @param rule why not, as the contract names it ({@code not-repairable}), when it is not
 * @param reason a Chinese explanation for the applicant, when it is not
 * @param earliestDate the first day repair is possible, for a repairable entry
 * @param minimumMonths the minimum period that applies, if any
 * @param ruleSet the rule set (or list type) that gives it
 * @param minimum the minimum in words, as the refusal names it ("最短公示期（3 个月，ORDER-36）")
 */
public record RepairTerms(boolean repairable, String rule, String reason, LocalDate earliestDate, Integer minimumMonths,
                          String ruleSet, String minimum) {

    public static RepairTerms notRepairable(String reason) {
        return new RepairTerms(false, "not-repairable", reason, null, null, null, null);
    }

    /** The refusal of a repair these terms do not allow, as the contract names it (field: the entry's v1 id field). */
    public gongxin.shared.RuleViolationException refusal(EntryRef entry) {
        return gongxin.shared.RuleViolationException.of("target." + entry.kind().idField(), Long.toString(entry.id()), rule, reason);
    }

    /** Whether repair may be granted on {@code day}. */
    public boolean possibleOn(LocalDate day) {
        return repairable && !day.isBefore(earliestDate);
    }
}
