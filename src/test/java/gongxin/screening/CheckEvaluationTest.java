package gongxin.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import gongxin.entries.EntryCategory;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryNature;
import gongxin.measures.Measure;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which measures apply, without Spring: triggers, minors, objections, legal representatives, incentives, the day asked. */
class CheckEvaluationTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-24");

    private static Measure punishment(String code, List<String> listTypes, List<String> items, List<String> severities) {
        return new Measure(code, code, Measure.Kind.PUNISHMENT, 1, Measure.Source.NATIONAL, "内容", "对象", "依据", "实施部门", true,
                true, listTypes, items, severities, List.of("BIDDING"), LocalDate.parse("2022-01-01"), null);
    }

    private static Measure incentive(String code) {
        return new Measure(code, code, Measure.Kind.INCENTIVE, null, Measure.Source.NATIONAL, "内容", "对象", "依据", "实施部门", false,
                true, List.of("TAX-A"), List.of(), List.of(), List.of("BIDDING"), LocalDate.parse("2022-01-01"), null);
    }

    private static Hit entry(long id, String listType, String kind, String from, String to, String ended) {
        boolean red = "RED".equals(kind);
        return new Hit(EntryKind.LIST_ENTRY, id, 1, listType, red ? EntryCategory.RED_LIST : EntryCategory.DISHONESTY_LIST,
                red ? EntryNature.TRUSTWORTHY : EntryNature.DISHONESTY, "名单", "文号", "CITY-SAMR", LocalDate.parse(from), null, false,
                LocalDate.parse(from), to == null ? null : LocalDate.parse(to), ended, null, Hit.Via.SUBJECT, null);
    }

    private static Hit record(long id, String severity, boolean minor, String objection) {
        return new Hit(EntryKind.RECORD, id, 1, "XZCF", EntryCategory.CATALOG_ITEM, EntryNature.DISHONESTY, "行政处罚", "罚字1号", "CITY-SAMR", LocalDate.parse("2026-06-01"),
                severity, minor, LocalDate.parse("2026-06-01"), LocalDate.parse("2029-06-01"), null,
                objection == null ? null : LocalDate.parse(objection), Hit.Via.SUBJECT, null);
    }

    private static Hit exempt(long id, String exemption) {
        return new Hit(EntryKind.RECORD, id, 1, "XZCF", EntryCategory.CATALOG_ITEM, EntryNature.DISHONESTY, "行政处罚", "罚字2号", "CITY-SAMR", LocalDate.parse("2026-06-01"),
                "SERIOUS", false, LocalDate.parse("2026-06-01"), LocalDate.parse("2029-06-01"), null, null, Hit.Via.SUBJECT, exemption);
    }

    private static final Measure BAN = punishment("BAN", List.of("SAMR-SERIOUS"), List.of(), List.of());
    private static final Measure SERIOUS_ONLY = punishment("SERIOUS-ONLY", List.of(), List.of("XZCF"), List.of("SERIOUS"));
    private static final Measure GREEN = incentive("GREEN");

    @Nested
    class Triggers {

        @Test
        void a_list_entry_in_force_triggers_its_measures_with_the_hit_named() {
            var result = CheckEvaluation.evaluate(List.of(entry(5, "SAMR-SERIOUS", "DISHONESTY", "2026-01-01", "2029-01-02", null)),
                    List.of(BAN, SERIOUS_ONLY, GREEN), DAY, null);
            assertThat(result.applied()).singleElement().satisfies(a -> {
                assertThat(a.measure().code()).isEqualTo("BAN");
                assertThat(a.triggeredBy()).containsExactly(5L);
            });
            assertThat(result.notApplied()).isEmpty();
        }

        @Test
        void a_record_triggers_only_the_measures_of_its_severity() {
            assertThat(CheckEvaluation.evaluate(List.of(record(7, "ORDINARY", false, null)), List.of(SERIOUS_ONLY), DAY, null).applied()).isEmpty();
            assertThat(CheckEvaluation.evaluate(List.of(record(7, "SERIOUS", false, null)), List.of(SERIOUS_ONLY), DAY, null).applied())
                    .extracting(a -> a.measure().code()).containsExactly("SERIOUS-ONLY");
        }

        @Test
        void the_day_asked_decides_what_counts() {
            Hit removed = entry(5, "SAMR-SERIOUS", "DISHONESTY", "2026-01-01", "2026-11-20", "REMOVED:BASIS_REVOKED");
            assertThat(CheckEvaluation.evaluate(List.of(removed), List.of(BAN), LocalDate.parse("2026-11-19"), null).applied()).hasSize(1);
            var today = CheckEvaluation.evaluate(List.of(removed), List.of(BAN), DAY, null);
            assertThat(today.applied()).isEmpty();
            assertThat(today.hits()).isEmpty();
            assertThat(today.notApplied()).singleElement().satisfies(n -> {
                assertThat(n.code()).isEqualTo("BAN");
                assertThat(n.reason()).contains("认定依据已撤销").contains("2026-11-20");
            });
            assertThat(CheckEvaluation.evaluate(List.of(removed), List.of(BAN), LocalDate.parse("2025-12-31"), null).applied()).isEmpty();
        }
    }

    @Nested
    class NotApplied {

        @Test
        void a_minors_dishonesty_never_triggers_punishment() {
            var result = CheckEvaluation.evaluate(List.of(record(7, "SERIOUS", true, null)), List.of(SERIOUS_ONLY), DAY, null);
            assertThat(result.hits()).hasSize(1);
            assertThat(result.applied()).isEmpty();
            assertThat(result.notApplied()).singleElement().satisfies(n -> assertThat(n.reason()).contains("未成年人"));
        }

        /** Issue 26, finding 11: the exemption as records store it (FIRST_OFFENCE_NOT_PENALISED) is named in Chinese. */
        @Test
        void an_exempt_penalty_is_no_hit_and_its_measures_are_named_with_the_exemption() {
            var result = CheckEvaluation.evaluate(List.of(exempt(8, "FIRST_OFFENCE_NOT_PENALISED")), List.of(SERIOUS_ONLY, GREEN), DAY, null);
            assertThat(result.hits()).isEmpty();
            assertThat(result.applied()).isEmpty();
            assertThat(result.notApplied()).singleElement().satisfies(n -> {
                assertThat(n.hitId()).isEqualTo(8L);
                assertThat(n.reason()).contains("首违不罚");
            });
        }

        @Test
        void a_hit_under_objection_is_shown_and_its_measures_suspended() {
            var result = CheckEvaluation.evaluate(List.of(record(7, "SERIOUS", false, "2026-11-20")), List.of(SERIOUS_ONLY), DAY, null);
            assertThat(result.hits().get(0).suspended(DAY)).isTrue();
            assertThat(result.applied()).isEmpty();
            assertThat(result.notApplied()).singleElement().satisfies(n -> assertThat(n.reason()).contains("异议"));
            assertThat(CheckEvaluation.evaluate(List.of(record(7, "SERIOUS", false, "2026-11-20")), List.of(SERIOUS_ONLY),
                    LocalDate.parse("2026-11-19"), null).applied()).as("before the objection").hasSize(1);
        }

        @Test
        void incentives_are_not_for_a_subject_with_dishonesty_in_force() {
            Hit red = entry(9, "TAX-A", "RED", "2026-01-01", "2027-01-02", null);
            assertThat(CheckEvaluation.evaluate(List.of(red), List.of(GREEN), DAY, null).applied()).hasSize(1);
            var both = CheckEvaluation.evaluate(List.of(red, record(7, "SERIOUS", false, null)), List.of(GREEN, SERIOUS_ONLY), DAY, null);
            assertThat(both.applied()).extracting(a -> a.measure().code()).containsExactly("SERIOUS-ONLY");
            assertThat(both.notApplied()).singleElement().satisfies(n -> assertThat(n.code()).isEqualTo("GREEN"));
        }
    }

    @Nested
    class LegalRepresentatives {

        @Test
        void their_dishonesty_counts_for_the_organisation_but_not_their_incentives() {
            Hit debtor = entry(11, "SAMR-SERIOUS", "DISHONESTY", "2026-01-01", null, null).viaLegalRepresentative();
            Hit red = entry(12, "TAX-A", "RED", "2026-01-01", null, null).viaLegalRepresentative();
            var result = CheckEvaluation.evaluate(List.of(debtor, red), List.of(BAN, GREEN), DAY, null);
            assertThat(result.applied()).extracting(a -> a.measure().code()).containsExactly("BAN");
        }
    }

    /** Issue 26, finding 10: "within one year of a serious penalty" is a limit of the measure, as data. */
    @Nested
    class TimeLimitedTriggers {

        private static final Measure WITHIN_A_YEAR = new Measure("WITHIN-A-YEAR", "一年内受到严重行政处罚的从严审查",
                Measure.Kind.PUNISHMENT, 2, Measure.Source.LOCAL, "内容", "一年内受到严重行政处罚的主体", "依据", "实施部门", true, false,
                List.of(), List.of("XZCF"), List.of("SERIOUS"), List.of("BIDDING"), LocalDate.parse("2022-01-01"), null, List.of(),
                List.of(), 12, false);

        @Test
        void a_penalty_triggers_it_for_twelve_months_from_its_decision_not_for_its_whole_window() {
            // decided 2026-06-01, published until 2029-06-01
            Hit serious = record(9, "SERIOUS", false, null);
            assertThat(CheckEvaluation.evaluate(List.of(serious), List.of(WITHIN_A_YEAR), LocalDate.parse("2027-05-31"), null).applied())
                    .singleElement().satisfies(a -> assertThat(a.triggeredBy()).containsExactly(9L));
            var later = CheckEvaluation.evaluate(List.of(serious), List.of(WITHIN_A_YEAR), LocalDate.parse("2027-06-01"), null);
            assertThat(later.applied()).isEmpty();
            assertThat(later.notApplied()).singleElement().satisfies(n -> assertThat(n.reason()).contains("12 个月"));
            // without the limit the same record triggers for its whole window
            assertThat(CheckEvaluation.evaluate(List.of(serious), List.of(SERIOUS_ONLY), LocalDate.parse("2027-06-01"), null).applied())
                    .hasSize(1);
        }
    }

    @Nested
    class Grades {

        private static final Measure FEWER_INSPECTIONS = new Measure("FEWER", "降低抽查比例", Measure.Kind.INCENTIVE, null,
                Measure.Source.NATIONAL, "内容", "对象", "依据", "实施部门", false, true, List.of(), List.of(), List.of(),
                List.of("SUPERVISION"), LocalDate.parse("2022-01-01"), null, List.of(), List.of("A"), null, false);
        private static final Measure CLOSER = new Measure("CLOSER", "重点监管", Measure.Kind.PUNISHMENT, 2,
                Measure.Source.NATIONAL, "内容", "对象", "依据", "实施部门", false, true, List.of(), List.of(), List.of(),
                List.of("SUPERVISION"), LocalDate.parse("2022-01-01"), null, List.of(), List.of("D"), null, false);

        @Test
        void a_grade_triggers_the_measures_that_name_it() {
            var a = CheckEvaluation.evaluate(List.of(), List.of(FEWER_INSPECTIONS, CLOSER), DAY, "A");
            assertThat(a.applied()).singleElement().satisfies(x -> {
                assertThat(x.measure().code()).isEqualTo("FEWER");
                assertThat(x.grade()).isEqualTo("A");
                assertThat(x.triggeredBy()).isEmpty();
            });
            assertThat(CheckEvaluation.evaluate(List.of(), List.of(FEWER_INSPECTIONS, CLOSER), DAY, "D").applied())
                    .extracting(x -> x.measure().code()).containsExactly("CLOSER");
            assertThat(CheckEvaluation.evaluate(List.of(), List.of(FEWER_INSPECTIONS, CLOSER), DAY, null).applied()).isEmpty();
        }

        @Test
        void no_incentive_for_a_grade_while_dishonesty_counts() {
            var result = CheckEvaluation.evaluate(List.of(record(7, "ORDINARY", false, null)), List.of(FEWER_INSPECTIONS), DAY, "A");
            assertThat(result.applied()).isEmpty();
            assertThat(result.notApplied()).singleElement().satisfies(n -> assertThat(n.reason()).contains("不适用激励措施"));
        }
    }
}
