package gongxin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A rule set's period for a sector: its own when it has one, else the one for every sector (NDRC Order 58). */
class RuleSetTest {

    private static final RuleSet ORDER_58 = new RuleSet("ORDER-58", "令58", "令58", LocalDate.of(2023, 5, 1), null, List.of(
            new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.ORDINARY, 3, 36, true),
            new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.ORDINARY, 12, 36, true, "WORK_SAFETY")), List.of());

    @Test
    void a_sector_with_its_own_period_gets_it_and_the_others_the_general_one() {
        assertThat(ORDER_58.period("ADMINISTRATIVE_PENALTY", Severity.ORDINARY, "WORK_SAFETY").orElseThrow().minMonths()).isEqualTo(12);
        assertThat(ORDER_58.period("ADMINISTRATIVE_PENALTY", Severity.ORDINARY, "MARKET_REGULATION").orElseThrow().minMonths()).isEqualTo(3);
        assertThat(ORDER_58.period("ADMINISTRATIVE_PENALTY", Severity.ORDINARY).orElseThrow().minMonths()).isEqualTo(3);
        assertThat(ORDER_58.period("ADMINISTRATIVE_PENALTY", Severity.SERIOUS, "WORK_SAFETY")).isEmpty();
    }
}
