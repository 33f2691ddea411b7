package gongxin.screening;

import java.time.LocalDate;

import gongxin.entries.EntryCategory;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryNature;

/**
 * A credit entry that can trigger measures (or be named as why one does not apply), counting on the days
 * {@code [validFrom, validTo)}; whatever produced it.
 *
 * @param code what triggers measures: the entry's catalog item, list type or matter
 * @param category where the entry belongs (a list's category tells the answer's {@code listKind})
 * @param nature dishonesty triggers punishments, trustworthiness incentives
 * @param endedReason why it stopped counting: REVOKED, PUBLICITY_ENDED, REMOVED:&lt;reason&gt;, FLAGGED (and REPAIRED)
 * @param suspendedSince an objection to it was accepted on that day: its measures are suspended until the decision
 * @param via how the subject checked is bound by it: its own, its legal representative's (落实到人, from the
 *            organisation to the person), or an organisation's it represents (落实到人, from the person to the organisation)
 * @param exemption information of a dishonesty kind the rules in force exempt (简易程序, 首违不罚): never a trigger,
 *                  but named as the reason its measures do not apply
 */
record Hit(EntryKind kind, long sourceId, long subjectId, String code, EntryCategory category, EntryNature nature,
           String title, String documentNumber, String departmentCode, LocalDate decidedOn, String severity, boolean minor,
           LocalDate validFrom, LocalDate validTo, String endedReason, LocalDate suspendedSince, Via via,
           String exemption) {

    /** How an entry binds the subject checked (the answer's {@code via}). */
    enum Via { SUBJECT, LEGAL_REPRESENTATIVE, REPRESENTED_ORGANISATION }

    /** Found through the organisation's legal representative. */
    boolean legalRepresentative() {
        return via == Via.LEGAL_REPRESENTATIVE;
    }

    /** Counts on {@code day}. */
    boolean inForce(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
    }

    /** Stopped counting in the year before {@code day}: shown as not applied, with why. */
    boolean endedRecently(LocalDate day) {
        return validTo != null && !validTo.isAfter(day) && validTo.isAfter(day.minusYears(1)) && endedReason != null;
    }

    boolean suspended(LocalDate day) {
        return suspendedSince != null && !suspendedSince.isAfter(day);
    }

    /** Left because credit repair was granted: no longer shared, so not named in answers at all. */
    boolean repaired() {
        return "REPAIRED".equals(endedReason) || "REMOVED:REPAIRED".equals(endedReason);
    }

    boolean dishonesty() {
        return nature == EntryNature.DISHONESTY && exemption == null;
    }

    /** The v1 answer's {@code listKind}: DISHONESTY or RED for an entry of a list, null otherwise. */
    String listKind() {
        return switch (category) {
            case DISHONESTY_LIST -> "DISHONESTY";
            case RED_LIST -> "RED";
            default -> null;
        };
    }

    Hit viaLegalRepresentative() {
        return via(Via.LEGAL_REPRESENTATIVE);
    }

    Hit viaRepresentedOrganisation() {
        return via(Via.REPRESENTED_ORGANISATION);
    }

    private Hit via(Via how) {
        return new Hit(kind, sourceId, subjectId, code, category, nature, title, documentNumber, departmentCode, decidedOn,
                severity, minor, validFrom, validTo, endedReason, suspendedSince, how, exemption);
    }
}
