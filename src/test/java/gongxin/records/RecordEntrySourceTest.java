package gongxin.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import gongxin.entries.CreditEntry;
import gongxin.entries.EntryNature;
import gongxin.entries.EntryStatus;
import gongxin.entries.EntrySubject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A record as the credit-entry contract describes it to the website, checks and rights (ADR 0022), without Spring. */
class RecordEntrySourceTest {

    static final LocalDate DECIDED = LocalDate.of(2026, 4, 15);
    static final LocalDate WINDOW_END = LocalDate.of(2027, 4, 15);

    static CreditEntry penalty(boolean dishonest, String exclusion, RecordStatus status, LocalDate revokedOn, LocalDate repairedOn) {
        return RecordEntrySource.entry(9, EntrySubject.ofId(3), "XZCF", "行政处罚", true, "CITY-SAMR", "罚字1号", DECIDED,
                "ORDINARY", true, dishonest, exclusion, false, status, null, WINDOW_END, revokedOn, repairedOn, null, null, List.of());
    }

    @Nested
    class Nature {

        @Test
        void a_dishonest_record_is_dishonesty_and_triggers() {
            CreditEntry e = penalty(true, null, RecordStatus.PUBLISHED, null, null);
            assertThat(e.nature()).isEqualTo(EntryNature.DISHONESTY);
            assertThat(e.dishonesty()).isTrue();
            assertThat(e.measurable()).isTrue();
        }

        @Test
        void an_exempt_penalty_is_kept_for_checks_with_its_exemption_but_is_not_dishonesty() {
            CreditEntry e = penalty(false, "SIMPLIFIED_PROCEDURE", RecordStatus.NOT_PUBLISHED, null, null);
            assertThat(e.measurable()).as("named as why its measures do not apply").isTrue();
            assertThat(e.dishonesty()).isFalse();
            assertThat(e.exemption()).isEqualTo("SIMPLIFIED_PROCEDURE");
        }

        @Test
        void a_record_that_is_no_dishonesty_at_all_leaves_the_checks() {
            assertThat(penalty(false, null, RecordStatus.PUBLISHED, null, null).measurable()).isFalse();
        }
    }

    @Nested
    class CountsUntil {

        @Test
        void the_day_after_its_window() {
            CreditEntry e = penalty(true, null, RecordStatus.PUBLISHED, null, null);
            assertThat(e.countsUntil()).isEqualTo(LocalDate.of(2027, 4, 16));
            assertThat(e.endedReason()).isNull();
        }

        @Test
        void a_revocation_ends_it_that_day() {
            CreditEntry e = penalty(true, null, RecordStatus.REVOKED, LocalDate.of(2026, 11, 24), null);
            assertThat(e.countsUntil()).isEqualTo(LocalDate.of(2026, 11, 24));
            assertThat(e.endedReason()).isEqualTo("REVOKED");
            assertThat(e.status()).isEqualTo(EntryStatus.REVOKED);
        }

        @Test
        void a_revocation_after_the_window_does_not_bring_it_back_for_the_days_between() {
            CreditEntry e = penalty(true, null, RecordStatus.REVOKED, LocalDate.of(2027, 6, 1), null);
            assertThat(e.countsUntil()).isEqualTo(LocalDate.of(2027, 4, 16));
        }

        @Test
        void a_repair_ends_it_that_day_and_it_is_no_longer_shown() {
            CreditEntry e = penalty(true, null, RecordStatus.REPAIRED, null, LocalDate.of(2026, 11, 24));
            assertThat(e.countsUntil()).isEqualTo(LocalDate.of(2026, 11, 24));
            assertThat(e.endedReason()).isEqualTo("REPAIRED");
            assertThat(e.repaired()).isTrue();
        }

        @Test
        void an_ended_window_is_named_as_the_reason() {
            assertThat(penalty(true, null, RecordStatus.PUBLICITY_ENDED, null, null).endedReason()).isEqualTo("PUBLICITY_ENDED");
        }
    }
}
