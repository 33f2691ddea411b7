package gongxin.records;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import gongxin.catalog.CatalogItem;
import gongxin.catalog.Disclosure;
import gongxin.catalog.Nature;
import gongxin.catalog.RuleSet;
import gongxin.catalog.Severity;

/**
 * The life a record starts with: whether it counts as dishonesty, whether and until when it is published.
 *
 * @param status published, not published, or (for a record that arrives after its window) publicity ended
 * @param reason why it is not published, when it is not
 * @param windowEnd the day its publicity (or effect) ends; null when it has no end (e.g. a long-term licence)
 * @param ruleSet the rule set whose period applies, for rule-set items
 * @param dishonest it is dishonesty information and no exclusion applies
 */
record Lifecycle(RecordStatus status, NotPublishedReason reason, LocalDate windowEnd, String ruleSet, boolean dishonest) {

    /** Licences valid "until 2099-12-31" are long-term (长期). */
    static final LocalDate LONG_TERM = LocalDate.of(2099, 12, 31);

    /**
     * Decides a record's life.
     *
     * <ul>
     *   <li>Rule-set items (penalties): the period of the rule set in force on the decision date for the record's
     *   severity, counted from the decision date; a later rule set in force today applies instead when it is more
     *   favourable to the subject (shorter, or not published) — NDRC Order 36, credit-rules §5. A provider's own
     *   publicity end (公示截止期) shortens it, never extends it beyond the maximum.</li>
     *   <li>Fixed-term items: the item's months from the decision date. Items published while valid: until the end
     *   of validity (2099-12-31 = long-term).</li>
     *   <li>Never published: items that are not public, minors' records (credit-rules §10), a natural person's whose
     *   age cannot be known (no mainland ID number; not until one arrives), records the rule set
     *   excludes from dishonesty (简易程序, 首违不罚; credit-rules §2), severities not published by default (轻微).</li>
     * </ul>
     */
    static Lifecycle of(CatalogItem item, List<RuleSet> ruleSets, RecordDraft draft, LocalDate today) {
        return of(item, ruleSets, draft, today, null);
    }

    /** The same, for a record decided by a department of {@code sector} (rule sets may have a period of their own for it). */
    static Lifecycle of(CatalogItem item, List<RuleSet> ruleSets, RecordDraft draft, LocalDate today, String sector) {
        return of(item, draft, today, (i, decided, severity) -> period(i, ruleSets, decided, severity, today, sector));
    }

    /** Where the period of a record comes from: {@link #period}, or a batch's cache of it. */
    interface Periods {
        Optional<Period> of(CatalogItem item, LocalDate decisionDate, Severity severity);
    }

    /** The same, with the period given by {@code periods}. */
    static Lifecycle of(CatalogItem item, RecordDraft draft, LocalDate today, Periods periods) {
        boolean dishonest = item.nature() == Nature.DISHONEST && draft.exclusion() == null;
        LocalDate windowEnd;
        String ruleSetCode = null;
        NotPublishedReason reason = null;
        switch (item.publicity()) {
            case RULE_SET -> {
                Optional<Period> period = periods.of(item, draft.decisionDate(), draft.severity());
                if (period.isPresent()) {
                    windowEnd = draft.decisionDate().plusMonths(period.get().months());
                    ruleSetCode = period.get().ruleSet();
                    if (!period.get().published()) {
                        reason = NotPublishedReason.SEVERITY_NOT_PUBLISHED;
                    }
                } else {
                    windowEnd = draft.validUntil();
                }
                if (draft.publicityUntil() != null && (windowEnd == null || draft.publicityUntil().isBefore(windowEnd))) {
                    windowEnd = draft.publicityUntil();
                }
            }
            case FIXED -> windowEnd = draft.decisionDate().plusMonths(item.publicityMonths());
            case WHILE_VALID -> windowEnd = draft.validUntil() == null || !draft.validUntil().isBefore(LONG_TERM) ? null : draft.validUntil();
            default -> {
                windowEnd = draft.validUntil() == null || !draft.validUntil().isBefore(LONG_TERM) ? null : draft.validUntil();
                reason = NotPublishedReason.ITEM_NOT_PUBLISHED;
            }
        }
        if (item.disclosure() != Disclosure.PUBLIC) {
            reason = NotPublishedReason.NOT_PUBLIC_ITEM;
        } else if (draft.minor()) {
            reason = NotPublishedReason.MINOR;
        } else if (draft.subjectCategory() == gongxin.shared.SubjectCategory.NATURAL_PERSON
                && (draft.subjectIdNumber() == null || !gongxin.shared.IdNumber.check(draft.subjectIdNumber()).valid())) {
            reason = NotPublishedReason.AGE_UNKNOWN;
        } else if (draft.exclusion() != null) {
            reason = NotPublishedReason.EXCLUDED;
        }
        RecordStatus status;
        // the window end is the last day shown (Civil Code art. 201–202: a period of months ends on the corresponding day)
        if (windowEnd != null && windowEnd.isBefore(today)) {
            status = RecordStatus.PUBLICITY_ENDED;
        } else {
            status = reason == null ? RecordStatus.PUBLISHED : RecordStatus.NOT_PUBLISHED;
        }
        return new Lifecycle(status, reason, windowEnd, ruleSetCode, dishonest);
    }

    /** The period that applies: the decision date's rule set, or a later one in force today if more favourable. */
    static Optional<Period> period(CatalogItem item, List<RuleSet> ruleSets, LocalDate decisionDate, Severity severity,
                                   LocalDate today) {
        return period(item, ruleSets, decisionDate, severity, today, null);
    }

    static Optional<Period> period(CatalogItem item, List<RuleSet> ruleSets, LocalDate decisionDate, Severity severity,
                                   LocalDate today, String sector) {
        Severity effective = severity == null ? item.defaultSeverity() : severity;
        if (effective == null || item.infoType() == null) {
            return Optional.empty();
        }
        Optional<RuleSet> atDecision = ruleSets.stream().filter(s -> !s.effectiveFrom().isAfter(decisionDate))
                .max(Comparator.comparing(RuleSet::effectiveFrom));
        List<RuleSet> candidates = ruleSets.stream()
                .filter(s -> atDecision.map(d -> s == d).orElse(false)
                        || (s.effectiveFrom().isAfter(decisionDate) && !s.effectiveFrom().isAfter(today)))
                .toList();
        return candidates.stream()
                .flatMap(s -> s.period(item.infoType(), effective, sector)
                        .map(p -> new Period(s.code(), p.maxMonths(), p.publishedByDefault(), s.effectiveFrom())).stream())
                // the most favourable: not published before published, then the shortest, then the older rule
                .min(Comparator.comparing(Period::published).thenComparing(Period::months).thenComparing(Period::effectiveFrom));
    }

    /** A publicity period as one rule set gives it. */
    record Period(String ruleSet, int months, boolean published, LocalDate effectiveFrom) {
    }
}
