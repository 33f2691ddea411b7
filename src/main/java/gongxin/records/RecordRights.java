package gongxin.records;

import java.time.LocalDate;

/**
 * What the rights procedures (objection, credit repair; the rights module) do to records. The caller has checked that
 * the determining department acts (谁认定、谁负责); each change is one transition of the record, in the caller's
 * transaction, announced by an event that the website and checks follow at once.
 */
public interface RecordRights {

    /** Whether and from when the record may be repaired today. */
    RepairTerms repairTerms(long recordId);

    /**
     * An objection was received: the record is shown marked (NDRC Order 36; credit-rules §7); its measures still apply
     * until the department accepts it.
     *
     * @throws gongxin.shared.RuleViolationException {@code open-application} when another objection is being handled,
     *                                               {@code not-in-force} when the record is revoked, repaired or ended
     */
    void openObjection(long recordId, String applicationNumber, LocalDate since, String actor);

    /**
     * The department accepted the objection being handled (受理): the record's measures are suspended from {@code on}
     * until the decision (issue 25, finding 1). Nothing happens for another application's number.
     */
    void acceptObjection(long recordId, String applicationNumber, LocalDate on, String actor);

    /** The objection was decided without revoking the record (upheld, or corrected by a new version): the mark goes. */
    void closeObjection(long recordId, String applicationNumber, String outcome, String actor);

    /** The objection found the record wrong: it is revoked on the objection decision, and leaves every view. */
    void revokeOnObjection(long recordId, String applicationNumber, LocalDate decidedOn, String reason, String actor);

    /** Credit repair was granted: not published, no hit in checks, kept and marked (一次申请、同步修复). */
    void repair(long recordId, String applicationNumber, LocalDate decidedOn, String actor);

    /**
     * A repair granted on false material was revoked: the record stands again as before the repair (published or not,
     * or ended if its window passed meanwhile); both stay in its transitions.
     */
    void revokeRepair(long recordId, String applicationNumber, LocalDate on, String reason, String actor);
}
