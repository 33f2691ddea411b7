package gongxin.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The statutory calendar built from the bundled holiday-cn years (2015–2026), as the application builds it. */
class WorkingCalendarTest {

    static WorkingCalendar calendar;

    @BeforeAll
    static void loadBundledYears() throws IOException {
        Map<LocalDate, Boolean> offDays = new HashMap<>();
        Set<Integer> years = new HashSet<>();
        for (int year = 2015; year <= 2026; year++) {
            try (InputStream in = WorkingCalendarTest.class.getResourceAsStream("/calendar/holiday-cn/" + year + ".json")) {
                HolidayFile file = HolidayFile.parse(in.readAllBytes());
                years.add(file.year());
                file.days().forEach(day -> offDays.put(day.date(), day.offDay()));
            }
        }
        calendar = new WorkingCalendar(offDays, years);
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Nested
    class MakeUpWorkingDays {

        @Test
        void a_sunday_announced_as_working_day_counts() {
            assertThat(calendar.isWorkingDay(d("2024-09-29"))).isTrue();
            assertThat(calendar.addWorkingDays(d("2024-09-27"), 1).date()).isEqualTo(d("2024-09-29"));
        }

        @Test
        void the_national_day_week_is_skipped() {
            // 2024-09-30 is a working Monday, 10-01..10-07 off, 10-12 (Saturday) a make-up working day
            assertThat(calendar.addWorkingDays(d("2024-09-29"), 2).date()).isEqualTo(d("2024-10-08"));
            assertThat(calendar.addWorkingDays(d("2024-10-11"), 1).date()).isEqualTo(d("2024-10-12"));
        }
    }

    @Nested
    class SpringFestival2026 {

        @Test
        void the_holiday_and_its_make_up_days() {
            assertThat(calendar.isWorkingDay(d("2026-02-14"))).isTrue();   // Saturday, make-up
            assertThat(calendar.isWorkingDay(d("2026-02-16"))).isFalse();  // Monday, holiday
            assertThat(calendar.isWorkingDay(d("2026-02-23"))).isFalse();  // Monday, last day off
            assertThat(calendar.isWorkingDay(d("2026-02-28"))).isTrue();   // Saturday, make-up
        }

        @Test
        void seven_working_days_from_the_eve() {
            // 2-13 Fri → 2-14 (1), 2-24..2-27 (2..5), 2-28 Sat make-up (6), 3-02 (7)
            Deadline deadline = calendar.addWorkingDays(d("2026-02-13"), 7);
            assertThat(deadline.date()).isEqualTo(d("2026-03-02"));
            assertThat(deadline.provisional()).isFalse();
        }
    }

    @Nested
    class YearBoundary {

        @Test
        void a_make_up_day_announced_by_the_next_year_is_known() {
            // 2019's announcement lists 2018-12-29 (Saturday) as a working day and 12-31 as a holiday
            assertThat(calendar.isWorkingDay(d("2018-12-29"))).isTrue();
            assertThat(calendar.isWorkingDay(d("2018-12-31"))).isFalse();
            assertThat(calendar.addWorkingDays(d("2018-12-28"), 2).date()).isEqualTo(d("2019-01-02"));
        }

        @Test
        void new_year_2026() {
            // 2025-12-31 Wed → 2026-01-01..03 off, 01-04 (Sunday) working
            assertThat(calendar.addWorkingDays(d("2025-12-31"), 1).date()).isEqualTo(d("2026-01-04"));
        }
    }

    @Nested
    class Provisional {

        @Test
        void a_count_into_an_unloaded_year_is_provisional_and_uses_weekends() {
            Deadline deadline = calendar.addWorkingDays(d("2026-12-30"), 3);
            assertThat(deadline.provisional()).isTrue();
            assertThat(deadline.date()).isEqualTo(d("2027-01-04"));
        }

        @Test
        void a_count_inside_loaded_years_is_not() {
            assertThat(calendar.addWorkingDays(d("2026-11-24"), 10).provisional()).isFalse();
        }

        @Test
        void a_count_from_before_the_first_loaded_year_is_provisional() {
            assertThat(calendar.addWorkingDays(d("2014-12-30"), 5).provisional()).isTrue();
        }
    }

    @Nested
    class Counting {

        @Test
        void zero_days_is_the_start_date() {
            assertThat(calendar.addWorkingDays(d("2026-02-15"), 0).date()).isEqualTo(d("2026-02-15"));
        }

        @Test
        void negative_days_count_backwards() {
            assertThat(calendar.addWorkingDays(d("2024-09-29"), -1).date()).isEqualTo(d("2024-09-27"));
        }

        @Test
        void working_days_between_a_decision_and_its_arrival() {
            assertThat(calendar.workingDaysBetween(d("2026-02-13"), d("2026-03-02")).days()).isEqualTo(7);
            assertThat(calendar.workingDaysBetween(d("2026-03-02"), d("2026-03-02")).days()).isZero();
        }

        @Test
        void the_inverse_of_adding() {
            for (LocalDate start = d("2026-01-01"); start.isBefore(d("2026-12-20")); start = start.plusDays(3)) {
                Deadline deadline = calendar.addWorkingDays(start, 7);
                assertThat(calendar.workingDaysBetween(start, deadline.date()).days()).isEqualTo(7);
            }
        }
    }
}
