package gongxin.calendar;

/** The working-day calendar in force, for other modules. */
public interface Calendars {

    /** The calendar as loaded now (cached; rebuilt when any node loads a year). */
    WorkingCalendar current();
}
