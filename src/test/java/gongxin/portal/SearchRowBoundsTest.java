package gongxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** When this node asks for a bigram's bound (ADR 0034), without Spring. */
class SearchRowBoundsTest {

    @Nested
    class EveryThousandRows {

        @Test
        void a_bigram_is_due_once_its_rows_written_here_reach_a_thousand_and_then_counts_again() {
            SearchRowBounds bounds = new SearchRowBounds();
            assertThat(bounds.written(Map.of("有限", 600, "嘉禾", 3))).isEmpty();
            assertThat(bounds.written(Map.of("有限", 400, "嘉禾", 3))).containsExactly("有限");
            assertThat(bounds.written(Map.of("有限", 999))).as("counted from zero again").isEmpty();
            assertThat(bounds.written(Map.of("有限", 1))).containsExactly("有限");
        }

        @Test
        void bigrams_due_together_come_in_order_so_that_two_writers_lock_them_alike() {
            SearchRowBounds bounds = new SearchRowBounds();
            assertThat(bounds.written(Map.of("公司", 1000, "有限", 1200, "示例", 1000, "商行", 10)))
                    .containsExactly("公司", "有限", "示例");
        }
    }

    @Test
    void past_the_bigrams_it_remembers_the_counts_start_again() {
        SearchRowBounds bounds = new SearchRowBounds();
        bounds.written(Map.of("有限", 999));
        java.util.Map<String, Integer> many = new java.util.HashMap<>();
        for (int i = 0; i <= SearchRowBounds.REMEMBERED; i++) {
            many.put("t" + i, 1);
        }
        bounds.written(many);
        assertThat(bounds.written(Map.of("有限", 1))).as("forgotten, so not due").isEmpty();
    }
}
