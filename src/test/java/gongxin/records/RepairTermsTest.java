package gongxin.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import gongxin.catalog.CatalogItem;
import gongxin.catalog.RuleSet;
import gongxin.shared.SubjectCategory;
import gongxin.support.DemoCatalog;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** When a record may be repaired (NDRC Order 36, art. 24–26 and 31; Order 58; credit-rules §5–§6). */
class RepairTermsTest {

    static final CatalogItem PENALTY = DemoCatalog.item("XZCF");
    static final CatalogItem LICENCE = DemoCatalog.item("XZXK");
    static final List<RuleSet> RULES = DemoCatalog.ruleSets();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    static CreditRecord record(String decided, String severity, RecordStatus status, boolean dishonest) {
        return new CreditRecord(1, "XZCF", 1, "CITY-SAMR", "k", SubjectCategory.ORGANIZATION, "示例公司", "91310110666007217T",
                null, null, "文号", LocalDate.parse(decided), "DISHONEST", dishonest, severity, dishonest ? null : "SIMPLIFIED_PROCEDURE",
                false, false, status, null, null, null, null, 1, Map.of(), null, Instant.EPOCH, Instant.EPOCH, null, null, null,
                status == RecordStatus.REPAIRED ? LocalDate.of(2026, 11, 1) : null, null, null, null, 7L);
    }

    static RepairTerms terms(CreditRecord r, String sector) {
        return RepairTerms.of(r, PENALTY, RULES, sector, TODAY);
    }

    @Nested
    class MinimumPeriod {

        @Test
        void a_serious_penalty_under_order_36_waits_a_year_and_a_day() {
            RepairTerms t = terms(record("2026-04-15", "SERIOUS", RecordStatus.PUBLISHED, true), null);
            assertThat(t.repairable()).isTrue();
            assertThat(t.minimumMonths()).isEqualTo(12);
            assertThat(t.ruleSet()).isEqualTo("ORDER-36");
            assertThat(t.earliestDate()).as("the minimum's last day is 2027-04-15").isEqualTo(LocalDate.of(2027, 4, 16));
            assertThat(t.possibleOn(TODAY)).isFalse();
            assertThat(t.possibleOn(LocalDate.of(2027, 4, 15))).isFalse();
            assertThat(t.possibleOn(LocalDate.of(2027, 4, 16))).isTrue();
        }

        @Test
        void a_serious_penalty_decided_before_2026_04_01_keeps_the_shorter_minimum_of_order_58() {
            RepairTerms t = terms(record("2026-03-15", "SERIOUS", RecordStatus.PUBLISHED, true), null);
            assertThat(t.ruleSet()).isEqualTo("ORDER-58");
            assertThat(t.minimumMonths()).isEqualTo(3);
            assertThat(t.earliestDate()).isEqualTo(LocalDate.of(2026, 6, 16));
            assertThat(t.possibleOn(TODAY)).isTrue();
        }

        @Test
        void order_58_kept_a_year_for_work_safety() {
            RepairTerms t = terms(record("2026-03-15", "SERIOUS", RecordStatus.PUBLISHED, true), "WORK_SAFETY");
            assertThat(t.minimumMonths()).isEqualTo(12);
            assertThat(t.earliestDate()).isEqualTo(LocalDate.of(2027, 3, 16));
        }

        @Test
        void an_ordinary_penalty_waits_three_months_and_a_minor_one_nothing() {
            assertThat(terms(record("2026-08-31", "ORDINARY", RecordStatus.PUBLISHED, true), null).earliestDate())
                    .as("2026-11-30 is the last day of the minimum (Civil Code art. 202: no 31st, so the month's last day)")
                    .isEqualTo(LocalDate.of(2026, 12, 1));
            RepairTerms minor = terms(record("2026-11-20", "MINOR", RecordStatus.NOT_PUBLISHED, true), null);
            assertThat(minor.repairable()).isTrue();
            assertThat(minor.earliestDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        }
    }

    @Nested
    class NotRepairable {

        @Test
        void what_is_not_dishonesty_or_no_longer_in_force() {
            assertThat(terms(record("2026-04-15", "ORDINARY", RecordStatus.PUBLISHED, false), null).rule()).isEqualTo("not-repairable");
            assertThat(terms(record("2026-04-15", "ORDINARY", RecordStatus.REVOKED, true), null).repairable()).isFalse();
            assertThat(terms(record("2026-04-15", "ORDINARY", RecordStatus.PUBLICITY_ENDED, true), null).repairable()).isFalse();
            RepairTerms repaired = terms(record("2026-04-15", "ORDINARY", RecordStatus.REPAIRED, true), null);
            assertThat(repaired.repairable()).isFalse();
            assertThat(repaired.reason()).contains("2026-11-01");
        }

        @Test
        void a_licence_is_not_dishonesty() {
            assertThat(RepairTerms.of(record("2026-04-15", null, RecordStatus.PUBLISHED, true), LICENCE, RULES, null, TODAY).repairable())
                    .isFalse();
        }
    }
}
