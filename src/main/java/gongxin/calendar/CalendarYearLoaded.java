package gongxin.calendar;

/**
 * A year's holiday announcement was loaded or replaced: deadlines that were provisional for that year should be
 * recomputed.
 */
public record CalendarYearLoaded(int year) {
}
