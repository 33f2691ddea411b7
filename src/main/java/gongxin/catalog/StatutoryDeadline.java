package gongxin.catalog;

import java.time.LocalDate;

import gongxin.calendar.WorkingDays;

/** A statutory deadline in working days, in force from a date (e.g. 7 working days for 双公示). */
public record StatutoryDeadline(String code, LocalDate effectiveFrom, int workingDays, String name, String basis) {

    public WorkingDays days() {
        return WorkingDays.of(workingDays);
    }
}
