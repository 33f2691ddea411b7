package gongxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the public may see today, for every state a record can be in. */
class PublicityDecisionTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    record State(String status, boolean revoked, boolean minor, boolean repaired, boolean underObjection, LocalDate windowEnd)
            implements PublicityDecision.EntryState {
        static State published(LocalDate windowEnd) {
            return new State("PUBLISHED", false, false, false, false, windowEnd);
        }
    }

    @Nested
    class InsideTheWindow {
        @Test
        void a_published_penalty_is_shown() {
            assertThat(PublicityDecision.of(State.published(TODAY.plusDays(1)), TODAY).visible()).isTrue();
        }

        @Test
        void an_item_without_window_is_shown_while_published() {
            assertThat(PublicityDecision.of(State.published(null), TODAY).visible()).isTrue();
        }

        @Test
        void under_objection_it_is_shown_with_a_mark() {
            PublicityDecision d = PublicityDecision.of(new State("PUBLISHED", false, false, false, true, TODAY.plusMonths(1)), TODAY);
            assertThat(d.visible()).isTrue();
            assertThat(d.underObjection()).isTrue();
        }
    }

    @Nested
    class WindowEnd {
        @Test
        void the_window_end_is_the_last_day_shown_and_the_next_day_it_is_gone() {
            // Civil Code art. 201–202: a period of months ends on the corresponding day, which is still in it
            assertThat(PublicityDecision.of(State.published(TODAY), TODAY).visible()).isTrue();
            assertThat(PublicityDecision.of(State.published(TODAY.minusDays(1)), TODAY).visible()).isFalse();
            assertThat(PublicityDecision.of(State.published(TODAY.minusDays(1)), TODAY).reason()).isEqualTo("公示期满");
        }

        @Test
        void an_ended_record_is_hidden_even_before_the_job_marks_it() {
            assertThat(PublicityDecision.of(State.published(TODAY.minusDays(3)), TODAY).visible()).isFalse();
        }

        @Test
        void a_record_marked_ended_is_hidden() {
            assertThat(PublicityDecision.of(new State("PUBLICITY_ENDED", false, false, false, false, TODAY.minusDays(1)), TODAY).reason())
                    .isEqualTo("公示期满");
        }
    }

    @Nested
    class NeverShown {
        @Test
        void revoked() {
            assertThat(PublicityDecision.of(new State("REVOKED", true, false, false, false, TODAY.plusYears(1)), TODAY).reason()).isEqualTo("已撤销");
        }

        @Test
        void a_minors_penalty_even_if_marked_published() {
            assertThat(PublicityDecision.of(new State("PUBLISHED", false, true, false, false, TODAY.plusYears(1)), TODAY).reason()).isEqualTo("未成年人");
        }

        @Test
        void repaired() {
            assertThat(PublicityDecision.of(new State("PUBLISHED", false, false, true, false, TODAY.plusYears(1)), TODAY).reason()).isEqualTo("已信用修复");
        }

        @Test
        void not_published_by_the_collection_rules() {
            assertThat(PublicityDecision.of(new State("NOT_PUBLISHED", false, false, false, false, TODAY.plusMonths(2)), TODAY).reason()).isEqualTo("不公示");
        }
    }
}
