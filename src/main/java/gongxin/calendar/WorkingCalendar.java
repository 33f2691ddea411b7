package gongxin.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The statutory calendar as it is known now: a day is a working day if the year's announcement lists it as one
 * (调休), or it is Monday to Friday and not listed as a day off (credit-rules §11; the State Council's annual notice
 * on public holiday arrangements).
 *
 * <p>Immutable; built from the loaded years. For a year that is not loaded only weekends are known, and every result
 * that depends on such a year says so ({@code provisional}).
 */
public final class WorkingCalendar {

    /** Beyond this many working days a count is surely a mistake (about 40 years). */
    public static final int MAX_DAYS = 10_000;

    private final Map<LocalDate, Boolean> offDays;
    private final Set<Integer> loadedYears;

    /**
     * @param offDays the listed days: {@code true} for a day off, {@code false} for a make-up working day
     * @param loadedYears the years whose announcement is loaded
     */
    public WorkingCalendar(Map<LocalDate, Boolean> offDays, Set<Integer> loadedYears) {
        this.offDays = Map.copyOf(offDays);
        this.loadedYears = Set.copyOf(loadedYears);
    }

    public boolean isLoaded(int year) {
        return loadedYears.contains(year);
    }

    public Set<Integer> loadedYears() {
        return loadedYears;
    }

    public boolean isWorkingDay(LocalDate date) {
        Boolean off = offDays.get(date);
        if (off != null) {
            return !off;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /**
     * The date {@code days} working days after {@code from} (before it, when negative); {@code from} itself is not
     * counted, so the deadline "within 7 working days of the decision" is {@code addWorkingDays(decision, 7)}.
     * With 0 days the answer is {@code from}.
     */
    public Deadline addWorkingDays(LocalDate from, int days) {
        if (Math.abs(days) > MAX_DAYS) {
            throw new IllegalArgumentException("at most " + MAX_DAYS + " working days: " + days);
        }
        int step = days < 0 ? -1 : 1;
        int remaining = Math.abs(days);
        LocalDate date = from;
        while (remaining > 0) {
            date = date.plusDays(step);
            if (isWorkingDay(date)) {
                remaining--;
            }
        }
        return new Deadline(date, !allLoaded(from, date));
    }

    public Deadline addWorkingDays(LocalDate from, WorkingDays days) {
        return addWorkingDays(from, days.value());
    }

    /**
     * Working days after {@code start} up to and including {@code end} (0 when {@code end} is not after
     * {@code start}): how many working days passed between a decision and its arrival.
     */
    public WorkingDayCount workingDaysBetween(LocalDate start, LocalDate end) {
        int count = 0;
        for (LocalDate date = start.plusDays(1); !date.isAfter(end); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return new WorkingDayCount(count, !allLoaded(start, end.isBefore(start) ? start : end));
    }

    private boolean allLoaded(LocalDate a, LocalDate b) {
        int first = Math.min(a.getYear(), b.getYear());
        int last = Math.max(a.getYear(), b.getYear());
        for (int year = first; year <= last; year++) {
            if (!loadedYears.contains(year)) {
                return false;
            }
        }
        return true;
    }
}
