package gongxin.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gongxin.catalog.CatalogItem;
import gongxin.catalog.RuleSet;
import gongxin.catalog.Severity;
import gongxin.support.DemoCatalog;
import gongxin.shared.SubjectCategory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How long a record is published and whether at all (credit-rules §2, §5, §10; NDRC Order 36). */
class LifecycleTest {

    static final CatalogItem PENALTY = DemoCatalog.item("XZCF");
    static final CatalogItem LICENCE = DemoCatalog.item("XZXK");
    static final CatalogItem SERIOUS_LIST = DemoCatalog.item("YZWFSX");
    static final CatalogItem NOT_PUBLIC = DemoCatalog.item("XJSS");
    static final List<RuleSet> RULES = DemoCatalog.ruleSets();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    static RecordDraft draft(LocalDate decided, Severity severity) {
        return new RecordDraft(2, PENALTY, "CITY-SAMR", "文号", SubjectCategory.ORGANIZATION, "示例公司", "91310110666007217T",
                null, null, "文号", decided, severity, null, false, false, null, null, Map.of());
    }

    static Lifecycle of(CatalogItem item, RecordDraft draft) {
        return Lifecycle.of(item, RULES, draft, TODAY);
    }

    @Nested
    class PeriodsBySeverity {

        @Test
        void an_ordinary_penalty_is_published_for_a_year_from_the_decision() {
            Lifecycle life = of(PENALTY, draft(LocalDate.of(2026, 10, 10), Severity.ORDINARY));
            assertThat(life.status()).isEqualTo(RecordStatus.PUBLISHED);
            assertThat(life.windowEnd()).isEqualTo(LocalDate.of(2027, 10, 10));
            assertThat(life.ruleSet()).isEqualTo("ORDER-36");
            assertThat(life.dishonest()).isTrue();
        }

        @Test
        void a_serious_penalty_for_three_years() {
            assertThat(of(PENALTY, draft(LocalDate.of(2026, 10, 10), Severity.SERIOUS)).windowEnd())
                    .isEqualTo(LocalDate.of(2029, 10, 10));
        }

        @Test
        void the_items_default_severity_applies_when_none_is_stated() {
            assertThat(of(PENALTY, draft(LocalDate.of(2026, 10, 10), null)).windowEnd()).isEqualTo(LocalDate.of(2027, 10, 10));
        }

        @Test
        void a_minor_penalty_is_kept_but_not_published_by_default() {
            Lifecycle life = of(PENALTY, draft(LocalDate.of(2026, 10, 10), Severity.MINOR));
            assertThat(life.status()).isEqualTo(RecordStatus.NOT_PUBLISHED);
            assertThat(life.reason()).isEqualTo(NotPublishedReason.SEVERITY_NOT_PUBLISHED);
            assertThat(life.windowEnd()).isEqualTo(LocalDate.of(2027, 1, 10));
        }

        @Test
        void a_record_that_arrives_after_its_window_has_ended_already() {
            Lifecycle life = of(PENALTY, draft(LocalDate.of(2025, 6, 1), Severity.ORDINARY));
            assertThat(life.status()).isEqualTo(RecordStatus.PUBLICITY_ENDED);
            assertThat(life.windowEnd()).isEqualTo(LocalDate.of(2026, 6, 1));
        }
    }

    @Nested
    class RuleSetByDecisionDate {

        @Test
        void a_penalty_keeps_the_rule_of_its_decision_date_2019_then_order_58() {
            assertThat(of(PENALTY, draft(LocalDate.of(2023, 4, 30), Severity.SERIOUS)).ruleSet()).isEqualTo("PENALTY-2019");
            assertThat(of(PENALTY, draft(LocalDate.of(2023, 5, 1), Severity.SERIOUS)).ruleSet()).isEqualTo("ORDER-58");
            assertThat(of(PENALTY, draft(LocalDate.of(2026, 3, 31), Severity.SERIOUS)).ruleSet()).isEqualTo("ORDER-58");
        }

        @Test
        void an_order_58_ordinary_penalty_gets_order_36s_shorter_year_once_it_is_in_force() {
            // Order 58 published 一般 up to 3 years; Order 36, in force today, only one: more favourable, so it applies
            Lifecycle life = of(PENALTY, draft(LocalDate.of(2025, 12, 1), Severity.ORDINARY));
            assertThat(life.ruleSet()).isEqualTo("ORDER-36");
            assertThat(life.windowEnd()).isEqualTo(LocalDate.of(2026, 12, 1));
        }

        @Test
        void a_later_rule_that_is_more_favourable_applies_instead() {
            List<RuleSet> rules = new ArrayList<>(RULES);
            rules.add(0, new RuleSet("LENIENT-2026", "更宽松", "测试", LocalDate.of(2026, 9, 1), null, List.of(
                    new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.ORDINARY, 3, 6, true)), List.of()));
            Lifecycle life = Lifecycle.of(PENALTY, rules, draft(LocalDate.of(2026, 5, 1), Severity.ORDINARY), TODAY);
            assertThat(life.ruleSet()).isEqualTo("LENIENT-2026");
            assertThat(life.windowEnd()).isEqualTo(LocalDate.of(2026, 11, 1));
            assertThat(life.status()).isEqualTo(RecordStatus.PUBLICITY_ENDED);
        }

        @Test
        void a_later_rule_that_is_stricter_does_not() {
            List<RuleSet> rules = new ArrayList<>(RULES);
            rules.add(0, new RuleSet("STRICT-2026", "更严格", "测试", LocalDate.of(2026, 9, 1), null, List.of(
                    new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.ORDINARY, 6, 24, true)), List.of()));
            assertThat(Lifecycle.of(PENALTY, rules, draft(LocalDate.of(2026, 5, 1), Severity.ORDINARY), TODAY).ruleSet())
                    .isEqualTo("ORDER-36");
        }

        @Test
        void the_providers_publicity_end_shortens_but_never_extends_the_window() {
            RecordDraft shorter = new RecordDraft(2, PENALTY, "CITY-SAMR", "k", SubjectCategory.ORGANIZATION, "n", null, null,
                    null, "k", LocalDate.of(2026, 10, 10), Severity.ORDINARY, null, false, false, null, LocalDate.of(2027, 4, 10), Map.of());
            assertThat(of(PENALTY, shorter).windowEnd()).isEqualTo(LocalDate.of(2027, 4, 10));
            RecordDraft longer = new RecordDraft(2, PENALTY, "CITY-SAMR", "k", SubjectCategory.ORGANIZATION, "n", null, null,
                    null, "k", LocalDate.of(2026, 10, 10), Severity.ORDINARY, null, false, false, null, LocalDate.of(2031, 1, 1), Map.of());
            assertThat(of(PENALTY, longer).windowEnd()).isEqualTo(LocalDate.of(2027, 10, 10));
        }
    }

    @Nested
    class NeverPublished {

        @Test
        void a_minors_penalty_is_stored_and_never_published() {
            RecordDraft minor = new RecordDraft(2, PENALTY, "CITY-SAMR", "k", SubjectCategory.NATURAL_PERSON, "少年", null,
                    "身份证", "x", "k", LocalDate.of(2026, 10, 10), Severity.SERIOUS, null, true, false, null, null, Map.of());
            Lifecycle life = of(PENALTY, minor);
            assertThat(life.status()).isEqualTo(RecordStatus.NOT_PUBLISHED);
            assertThat(life.reason()).isEqualTo(NotPublishedReason.MINOR);
        }

        @Test
        void a_persons_penalty_is_not_published_while_the_age_cannot_be_known() {
            RecordDraft passport = new RecordDraft(2, PENALTY, "CITY-SAMR", "k", SubjectCategory.NATURAL_PERSON, "JOHN SMITH", null,
                    "护照", "E12345678", "k", LocalDate.of(2026, 10, 10), Severity.SERIOUS, null, false, false, null, null, Map.of());
            Lifecycle life = of(PENALTY, passport);
            assertThat(life.status()).isEqualTo(RecordStatus.NOT_PUBLISHED);
            assertThat(life.reason()).isEqualTo(NotPublishedReason.AGE_UNKNOWN);
            assertThat(life.dishonest()).as("still dishonesty information, only not published").isTrue();
            String adultId = "11010519491231002" + gongxin.shared.IdNumber.checkCharacter("11010519491231002");
            RecordDraft mainland = new RecordDraft(2, PENALTY, "CITY-SAMR", "k", SubjectCategory.NATURAL_PERSON, "张三", null,
                    "身份证", adultId, "k", LocalDate.of(2026, 10, 10), Severity.SERIOUS, null, false, false, null, null, Map.of());
            assertThat(of(PENALTY, mainland).status()).isEqualTo(RecordStatus.PUBLISHED);
        }

        @Test
        void a_simplified_procedure_penalty_is_not_dishonesty_nor_published() {
            RecordDraft simplified = new RecordDraft(2, PENALTY, "CITY-SAMR", "k", SubjectCategory.ORGANIZATION, "n", null, null,
                    null, "k", LocalDate.of(2026, 10, 10), Severity.ORDINARY, "SIMPLIFIED_PROCEDURE", false, false, null, null, Map.of());
            Lifecycle life = of(PENALTY, simplified);
            assertThat(life.dishonest()).isFalse();
            assertThat(life.reason()).isEqualTo(NotPublishedReason.EXCLUDED);
        }

        @Test
        void an_item_that_is_not_public() {
            RecordDraft draft = new RecordDraft(2, NOT_PUBLIC, "CITY-COURT", "k", SubjectCategory.ORGANIZATION, "n", null, null,
                    null, "k", LocalDate.of(2026, 10, 10), null, null, false, false, null, null, Map.of());
            assertThat(of(NOT_PUBLIC, draft).reason()).isEqualTo(NotPublishedReason.NOT_PUBLIC_ITEM);
        }
    }

    @Nested
    class OtherItems {

        @Test
        void a_fixed_term_list_entry() {
            RecordDraft draft = new RecordDraft(2, SERIOUS_LIST, "CITY-SAMR", "k", SubjectCategory.ORGANIZATION, "n", null, null,
                    null, "k", LocalDate.of(2026, 10, 10), null, null, false, false, null, null, Map.of());
            assertThat(of(SERIOUS_LIST, draft).windowEnd()).isEqualTo(LocalDate.of(2029, 10, 10));
        }

        @Test
        void a_licence_is_published_while_valid_and_long_term_has_no_end() {
            RecordDraft valid = new RecordDraft(2, LICENCE, "CITY-SAMR", "k", SubjectCategory.ORGANIZATION, "n", null, null,
                    null, "k", LocalDate.of(2026, 10, 10), null, null, false, false, LocalDate.of(2031, 10, 9), null, Map.of());
            assertThat(of(LICENCE, valid).windowEnd()).isEqualTo(LocalDate.of(2031, 10, 9));
            assertThat(of(LICENCE, valid).dishonest()).isFalse();
            RecordDraft longTerm = new RecordDraft(2, LICENCE, "CITY-SAMR", "k", SubjectCategory.ORGANIZATION, "n", null, null,
                    null, "k", LocalDate.of(2026, 10, 10), null, null, false, false, LocalDate.of(2099, 12, 31), null, Map.of());
            assertThat(of(LICENCE, longTerm).windowEnd()).isNull();
            assertThat(of(LICENCE, longTerm).status()).isEqualTo(RecordStatus.PUBLISHED);
        }
    }
}
