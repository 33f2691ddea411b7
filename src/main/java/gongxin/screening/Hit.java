package gongxin.screening;

import java.time.LocalDate;

/**
 * What can trigger measures: a dishonesty record or a list entry of a subject, counting on the days
 * {@code [validFrom, validTo)}.
 *
 * @param code the record's catalog item or the entry's list type
 * @param listKind DISHONESTY or RED for a list entry
 * @param endedReason why it stopped counting: REVOKED, PUBLICITY_ENDED, REMOVED:&lt;reason&gt;, FLAGGED (and REPAIRED)
 * @param objectionSince an objection is being handled since that day: its measures are suspended
 * @param legalRepresentative found through the organisation's legal representative (落实到人)
 * @param exemption a penalty the rules in force exempt from dishonesty (简易程序, 首违不罚): never a hit, but named as
 *                  the reason its measures do not apply
 */
record Hit(Kind kind, long sourceId, long subjectId, String code, String listKind, String title, String documentNumber,
           String departmentCode, LocalDate decidedOn, String severity, boolean minor, LocalDate validFrom, LocalDate validTo,
           String endedReason, LocalDate objectionSince, boolean legalRepresentative, String exemption) {

    enum Kind { RECORD, LIST_ENTRY }

    /** Counts on {@code day}. */
    boolean inForce(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
    }

    /** Stopped counting in the year before {@code day}: shown as not applied, with why. */
    boolean endedRecently(LocalDate day) {
        return validTo != null && !validTo.isAfter(day) && validTo.isAfter(day.minusYears(1)) && endedReason != null;
    }

    boolean suspended(LocalDate day) {
        return objectionSince != null && !objectionSince.isAfter(day);
    }

    /** Left because credit repair was granted: no longer shared, so not named in answers at all. */
    boolean repaired() {
        return "REPAIRED".equals(endedReason) || "REMOVED:REPAIRED".equals(endedReason);
    }

    boolean dishonesty() {
        return (kind == Kind.RECORD && exemption == null) || "DISHONESTY".equals(listKind);
    }

    Hit viaLegalRepresentative() {
        return new Hit(kind, sourceId, subjectId, code, listKind, title, documentNumber, departmentCode, decidedOn, severity,
                minor, validFrom, validTo, endedReason, objectionSince, true, exemption);
    }
}
