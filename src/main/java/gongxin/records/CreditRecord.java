package gongxin.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import gongxin.shared.RuleViolationException;
import gongxin.shared.SubjectCategory;

/**
 * A credit record as stored now (its current version), with the transitions the law allows.
 *
 * @param windowEnd the last day of its publicity (or effect); null when it has none
 * @param timeliness how long it took to arrive, when its item has a reporting deadline
 * @param repairedOn the day credit repair was granted, if it was
 * @param objectionSince the day an objection to it was received, while it is handled
 * @param objectionApplication that objection's application number
 * @param objectionAcceptedOn the day the department accepted it: its measures are suspended from then
 * @param subjectId the subject registry's id; 0 when the record names no identifiable subject
 */
public record CreditRecord(long id, String itemCode, int itemVersion, String departmentCode, String recordKey,
                           SubjectCategory subjectCategory, String subjectName, String subjectCreditCode,
                           String subjectIdType, String subjectIdNumber, String decisionNumber, LocalDate decisionDate,
                           String nature, boolean dishonest, String severity, String exclusion, boolean minor,
                           boolean pilotEra, RecordStatus status, NotPublishedReason notPublishedReason,
                           LocalDate windowEnd, LocalDate validUntil, String ruleSet, int version, Map<String, String> data,
                           UUID batchId, Instant firstReceivedAt, Instant updatedAt, Timeliness timeliness,
                           Instant revokedAt, Map<String, String> revocation, LocalDate repairedOn,
                           LocalDate objectionSince, String objectionApplication, LocalDate objectionAcceptedOn,
                           long subjectId) {

    /** An objection to it is being handled: shown with a mark (NDRC Order 36; credit-rules §7). */
    public boolean underObjection() {
        return objectionSince != null;
    }

    /**
     * @param deadline the deadline's code (e.g. DOUBLE_PUBLICITY_MARKET_REGULATION)
     * @param deadlineDays working days allowed
     * @param elapsedDays working days between decision and arrival
     * @param onTime whether it arrived within the deadline
     * @param provisional the count ran through a year whose calendar is not loaded
     */
    public record Timeliness(String deadline, int deadlineDays, int elapsedDays, boolean onTime, boolean provisional) {
    }

    /**
     * The basis of the record was revoked (credit-rules §3: the record follows its basis at once).
     *
     * @throws RuleViolationException when it is already revoked
     */
    RecordStatus revoke() {
        if (status == RecordStatus.REVOKED) {
            throw RuleViolationException.of("status", status.name(), "not-revoked", "该记录已撤销，不能重复撤销");
        }
        return RecordStatus.REVOKED;
    }
}
