package gongxin.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The records as other modules and the pages read them. */
public interface Records {

    Optional<CreditRecord> find(long id);

    /** Who a record is about and where it stands, for procedures that rest on records (a list case's basis). */
    Optional<RecordSummary> summary(long id);

    /**
     * Whether the subject has a dishonesty record decided in {@code [from, to]} that was not revoked (the red lists'
     * three-year rule, 国办发〔2020〕49号 and the city plans).
     */
    boolean dishonestyBetween(long subjectId, LocalDate from, LocalDate to);

    /** Streams the dishonesty records a batch created or corrected, narrowly (for the check index). */
    void dishonestyOf(UUID batchId, Consumer<DishonestyRecord> consumer);

    /** Streams every dishonesty record (to rebuild the check index). */
    void eachDishonesty(Consumer<DishonestyRecord> consumer);

    /**
     * A dishonesty record as checks see it.
     *
     * @param windowEnd the last day it counts (its publicity or effect), if any
     * @param revokedOn the day its basis was revoked, if it was
     * @param exclusion why a record of a dishonesty item is not dishonesty (简易程序, 首违不罚), if it is not
     * @param repairedOn the day credit repair was granted, if it was: it stops counting that day
     * @param objectionSince an objection is being handled since that day (marked)
     * @param objectionAcceptedOn the day that objection was accepted: its measures are suspended from then
     */
    record DishonestyRecord(long id, long subjectId, String itemCode, String departmentCode, String decisionNumber,
                            LocalDate decisionDate, String severity, boolean minor, RecordStatus status, LocalDate windowEnd,
                            LocalDate revokedOn, boolean dishonest, String exclusion, LocalDate repairedOn,
                            LocalDate objectionSince, LocalDate objectionAcceptedOn) {
    }

    /**
     * The subjects that a batch gave a dishonesty record decided on or after {@code decidedSince} (for lists that must
     * react at once, 动态管理; a record loaded from history, decided earlier, does not make anyone untrustworthy now).
     */
    List<Long> subjectsWithNewDishonesty(UUID batchId, LocalDate decidedSince);

    /**
     * @param subjectId the subject registry's id; 0 when the record names no identifiable subject
     * @param dishonest the record is dishonesty information (a penalty, a judgment not performed…)
     */
    record RecordSummary(long id, long subjectId, String itemCode, String departmentCode, String decisionNumber,
                         LocalDate decisionDate, RecordStatus status, boolean dishonest, boolean minor) {
    }

    Optional<CreditRecord> findByKey(String itemCode, String departmentCode, String recordKey);

    RecordPage search(RecordQuery query);

    /** Every superseded version, newest first, as stored (JSON snapshots). */
    List<RecordVersion> versions(long id);

    List<Transition> transitions(long id);

    /** Streams the records a batch created or corrected (for modules that keep read models). */
    void changesOf(UUID batchId, Consumer<CreditRecord> consumer);

    /** Streams every record in its current version, in the order they were first stored (to rebuild a read model). */
    void each(Consumer<CreditRecord> consumer);

    /** On-time rates of the records whose item has a reporting deadline, per department and month of decision. */
    List<TimelinessRow> timeliness(LocalDate from, LocalDate to, List<String> departments);

    record RecordPage(List<CreditRecord> items, long total, int page, int size) {
    }

    record RecordVersion(int version, String snapshot, java.time.Instant supersededAt) {
    }

    record Transition(java.time.Instant occurredAt, String kind, String fromStatus, String toStatus, int version,
                      String actor, String details) {
    }

    /**
     * @param month YYYY-MM of the decision date
     * @param records records with a deadline
     * @param onTime arrived within it
     * @param averageWorkingDays mean working days from decision to arrival
     * @param provisional some counts ran through a year whose calendar is not loaded
     */
    record TimelinessRow(String departmentCode, String month, long records, long onTime, double averageWorkingDays,
                         boolean provisional) {
        public double rate() {
            return records == 0 ? 0 : (double) onTime / records;
        }
    }
}
