package gongxin.commitments;

import java.time.LocalDate;

import gongxin.catalog.Severity;

/**
 * A breach of a commitment (失诺): dishonesty information of the matter's severity, shown until the last day of the
 * window of the rule set in force on the finding date, repairable once that rule set's minimum has passed.
 *
 * @param windowEnd the last day it is shown (公示截止期), if the rule set gives one
 * @param minMonths the minimum period before repair, if any
 * @param repairedOn the day credit repair was granted, if it was
 */
record Breach(long id, long commitmentId, String commitmentNumber, long subjectId, String matter, String matterName,
              String department, Severity severity, LocalDate signedOn, LocalDate decidedOn, String documentNumber,
              String finding, String ruleSet, Integer minMonths, LocalDate windowEnd, LocalDate repairedOn,
              String repairApplication) {

    boolean repaired() {
        return repairedOn != null;
    }

    /** The first day it no longer counts: repair, or the day after its window, whichever came first. */
    LocalDate countsUntil() {
        LocalDate afterWindow = windowEnd == null ? null : windowEnd.plusDays(1);
        if (repairedOn == null) {
            return afterWindow;
        }
        return afterWindow == null || repairedOn.isBefore(afterWindow) ? repairedOn : afterWindow;
    }

    /** Counts against the subject on {@code day}: decided by then, not repaired, within its window. */
    boolean inForce(LocalDate day) {
        LocalDate until = countsUntil();
        return !decidedOn.isAfter(day) && (until == null || until.isAfter(day));
    }
}
