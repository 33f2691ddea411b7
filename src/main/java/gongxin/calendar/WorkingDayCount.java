package gongxin.calendar;

/**
 * How many working days lie in a span of dates.
 *
 * @param days the count
 * @param provisional the span touches a year whose holidays are not loaded yet
 */
public record WorkingDayCount(int days, boolean provisional) {
}
