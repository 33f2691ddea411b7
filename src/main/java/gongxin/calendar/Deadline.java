package gongxin.calendar;

import java.time.LocalDate;

/**
 * A date reached by counting working days.
 *
 * @param date the date
 * @param provisional the count ran through a year whose holidays are not loaded yet; weekends alone were used there,
 *                    and the date must be recomputed when that year's calendar arrives
 */
public record Deadline(LocalDate date, boolean provisional) {
}
