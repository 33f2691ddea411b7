package gongxin.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates as provider files write them (formats.md). */
class DateTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-05", "2026/3/5", "20260305", "2026年3月5日", "2026.03.05", "２０２６－０３－０５",
            " 2026-3-5 ", "2026-03-05 00:00:00", "2026/03/05 8:30"})
    void real_dates_in_every_format(String text) {
        assertThat(DateText.parse(text)).contains(LocalDate.of(2026, 3, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2026-13-01", "20260230", "2026年2月29日", "五千元", "", "3/5/2026"})
    void impossible_or_unknown_dates_are_refused(String text) {
        assertThat(DateText.parse(text)).isEmpty();
    }
}
