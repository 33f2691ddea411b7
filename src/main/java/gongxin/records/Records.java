package gongxin.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The records as other modules and the pages read them. */
public interface Records {

    Optional<CreditRecord> find(long id);

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
