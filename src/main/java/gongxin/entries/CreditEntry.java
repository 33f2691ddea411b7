package gongxin.entries;

import java.time.LocalDate;
import java.util.List;

/**
 * A credit entry as every consumer reads it, whatever produced it: a record, a list entry, a commitment or its breach.
 *
 * @param code what kind of information it is within its producer: a catalog item, a list type, a commitment matter
 * @param title its Chinese name (the item's, the list's, the matter's)
 * @param domain for a dishonesty list's entry, the domain of its list (国办发〔2020〕49号: {@code HEALTH_SAFETY},
 *               {@code MARKET_ORDER}, {@code DEFYING_DUTIES}, {@code NATIONAL_DEFENCE}); null otherwise
 * @param disclosed its kind of information is public at all (the catalog item's public attribute); an entry that is
 *                  not is never in the website's read model, whatever its status
 * @param department the department that determined it and alone changes it (谁认定、谁负责)
 * @param documentNumber its basis document: the decision, the listing decision, the finding
 * @param date the day it was decided (decision, listing, signature, finding); it counts from that day
 * @param severity {@code SLIGHT}/{@code MINOR}, {@code ORDINARY}, {@code SERIOUS} as check hits already use them, if graded
 * @param exemption why information of a dishonesty kind is not dishonesty (简易程序 {@code SIMPLIFIED_PROCEDURE}, 首违不罚
 *                  {@code FIRST_OFFENCE_NOT_PENALISED}): never a trigger, but named as the reason its measures do not apply
 * @param minor about a minor (未成年人): never published, never triggers punishment
 * @param notPublishedReason why a NOT_PUBLISHED entry is not shown, as its producer names it
 * @param windowEnd the last day it is shown (公示截止期), if it has one
 * @param countsUntil the first day it no longer counts in checks (revoked, repaired, removed, past its window), if any
 * @param endedReason why it stopped counting: {@code REVOKED}, {@code REPAIRED}, {@code PUBLICITY_ENDED},
 *                    {@code REMOVED:<reason>}, {@code FLAGGED}
 * @param objectionSince an objection is being handled since that day (filed): shown marked (异议处理中)
 * @param objectionAcceptedOn the day the department accepted that objection (受理): its measures are suspended from then
 *                            until the decision (issue 25, finding 1: a filed objection alone lifts nothing)
 * @param repairable the platform's credit repair procedure applies to it (whether it is possible today is
 *                   {@link CreditEntrySource#repairTerms})
 * @param objectable a subject may object to it through the platform
 * @param fields what a page shows of it, in order; empty in {@link EntryDetail#MEASURES} streams
 */
public record CreditEntry(EntryRef ref, EntrySubject subject, String code, String title, EntryCategory category,
                          String domain, boolean disclosed, String department, String documentNumber, LocalDate date, String severity, EntryNature nature,
                          String exemption, boolean minor, EntryStatus status, String notPublishedReason,
                          LocalDate windowEnd, LocalDate countsUntil, String endedReason, LocalDate objectionSince,
                          LocalDate objectionAcceptedOn,
                          boolean repairable, boolean objectable, List<EntryField> fields) {

    public CreditEntry {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public EntryKind kind() {
        return ref.kind();
    }

    public long id() {
        return ref.id();
    }

    public long subjectId() {
        return subject.id();
    }

    /** Dishonesty information that the rules do not exempt. */
    public boolean dishonesty() {
        return nature == EntryNature.DISHONESTY && exemption == null;
    }

    /** Whether checks keep it: it can trigger a measure, or be named as why one does not apply. */
    public boolean measurable() {
        return nature != EntryNature.NEUTRAL && subject.id() != 0;
    }

    /**
     * Shown to the public on {@code day}, as the website shows it: information of a public kind, not a minor's,
     * published and within its window. What is not must answer to the public exactly as unknown information (issue 25,
     * finding 4).
     */
    public boolean publicOn(LocalDate day) {
        return disclosed && !minor && status == EntryStatus.PUBLISHED && (windowEnd == null || !windowEnd.isBefore(day));
    }

    public boolean underObjection() {
        return objectionSince != null;
    }

    public boolean repaired() {
        return status == EntryStatus.REPAIRED;
    }
}
