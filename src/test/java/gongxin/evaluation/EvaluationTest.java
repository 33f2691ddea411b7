package gongxin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import gongxin.entries.CreditEntry;
import gongxin.entries.EntryCategory;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryNature;
import gongxin.entries.EntryRef;
import gongxin.entries.EntryStatus;
import gongxin.entries.EntrySubject;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The demo city's points model applied to a subject's credit entries, without Spring. */
class EvaluationTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final EvaluationModel CITY = EvaluationModel.define("CITY-2026", DemoModel.cityModel());

    static long ids;

    static CreditEntry penalty(String severity, LocalDate decided, LocalDate countsUntil, EntryStatus status) {
        return new CreditEntry(EntryRef.of(EntryKind.RECORD, ++ids), EntrySubject.ofId(1), "XZCF", "行政处罚", EntryCategory.CATALOG_ITEM,
                null, true, "CITY-SAMR", "罚字" + ids + "号", decided, severity, EntryNature.DISHONESTY, null, false, status, null,
                null, countsUntil, null, null, null, true, true, List.of());
    }

    static CreditEntry listing(EntryCategory category, EntryNature nature, LocalDate listed, LocalDate countsUntil) {
        return new CreditEntry(EntryRef.of(EntryKind.LIST_ENTRY, ++ids), EntrySubject.ofId(1), "SAMR-SERIOUS", "名单", category,
                "MARKET_ORDER", true, "CITY-SAMR", "认字" + ids + "号", listed, null, nature, null, false, EntryStatus.PUBLISHED,
                null, null, countsUntil, null, null, null, false, false, List.of());
    }

    static Evaluation evaluate(CreditEntry... entries) {
        return Evaluation.of(CITY, List.of(entries), DAY);
    }

    @Nested
    class Points {

        @Test
        void a_clean_subject_keeps_the_base_and_is_graded_a_with_nothing_to_explain() {
            Evaluation e = evaluate();
            assertThat(e.score()).isEqualTo(1000);
            assertThat(e.grade()).isEqualTo("A");
            assertThat(e.explanation()).isEmpty();
            assertThat(e.override()).isNull();
        }

        @Test
        void two_serious_penalties_cost_300_points_and_the_explanation_names_them() {
            CreditEntry one = penalty("SERIOUS", LocalDate.of(2026, 5, 1), LocalDate.of(2029, 5, 2), EntryStatus.PUBLISHED);
            CreditEntry two = penalty("SERIOUS", LocalDate.of(2026, 9, 1), LocalDate.of(2029, 9, 2), EntryStatus.PUBLISHED);
            Evaluation e = evaluate(one, two);
            assertThat(e.score()).isEqualTo(700);
            assertThat(e.grade()).isEqualTo("C");
            assertThat(e.explanation()).singleElement().satisfies(line -> {
                assertThat(line.indicator()).isEqualTo("PENALTY-SERIOUS");
                assertThat(line.points()).isEqualTo(-300);
                assertThat(line.entries()).extracting(Evaluation.Source::id).containsExactly(one.id(), two.id());
            });
        }

        @Test
        void an_indicator_is_bounded_by_its_cap() {
            List<CreditEntry> many = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                many.add(penalty("ORDINARY", LocalDate.of(2026, 10, 1).plusDays(i), LocalDate.of(2027, 10, 2), EntryStatus.PUBLISHED));
            }
            Evaluation e = Evaluation.of(CITY, many, DAY);
            assertThat(e.explanation()).singleElement().satisfies(line -> assertThat(line.points()).isEqualTo(-200));
            assertThat(e.score()).isEqualTo(800);
            assertThat(e.grade()).isEqualTo("B");
        }

        @Test
        void trustworthiness_adds_points() {
            CreditEntry red = listing(EntryCategory.RED_LIST, EntryNature.TRUSTWORTHY, LocalDate.of(2026, 4, 1), LocalDate.of(2027, 4, 2));
            assertThat(evaluate(red).score()).isEqualTo(1050);
        }
    }

    @Nested
    class WhatCounts {

        @Test
        void repaired_revoked_ended_and_future_entries_do_not_count() {
            Evaluation e = evaluate(
                    penalty("SERIOUS", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 11, 20), EntryStatus.REPAIRED),
                    penalty("SERIOUS", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 11, 10), EntryStatus.REVOKED),
                    penalty("ORDINARY", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2), EntryStatus.PUBLICITY_ENDED),
                    penalty("SERIOUS", LocalDate.of(2026, 12, 1), null, EntryStatus.PUBLISHED));
            assertThat(e.score()).isEqualTo(1000);
        }

        @Test
        void the_look_back_counts_from_the_day_evaluated_and_its_end_is_the_next_change() {
            CreditEntry old = penalty("SERIOUS", LocalDate.of(2023, 12, 1), null, EntryStatus.PUBLISHED);
            Evaluation today = evaluate(old);
            assertThat(today.score()).isEqualTo(850);
            assertThat(today.nextChange()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(Evaluation.of(CITY, List.of(old), LocalDate.of(2026, 12, 1)).score()).isEqualTo(1000);
        }

        @Test
        void an_entry_counts_until_the_day_it_stops_counting() {
            CreditEntry p = penalty("ORDINARY", LocalDate.of(2026, 1, 10), LocalDate.of(2027, 1, 11), EntryStatus.PUBLISHED);
            assertThat(evaluate(p).nextChange()).isEqualTo(LocalDate.of(2027, 1, 11));
            assertThat(Evaluation.of(CITY, List.of(p), LocalDate.of(2027, 1, 11)).score()).isEqualTo(1000);
        }
    }

    @Nested
    class Overrides {

        @Test
        void an_in_force_dishonesty_listing_makes_the_grade_d_whatever_the_points_and_names_its_entry() {
            CreditEntry listed = listing(EntryCategory.DISHONESTY_LIST, EntryNature.DISHONESTY, LocalDate.of(2026, 10, 1), LocalDate.of(2029, 10, 2));
            Evaluation e = evaluate(listed);
            assertThat(e.score()).isEqualTo(700);
            assertThat(e.grade()).isEqualTo("D");
            assertThat(e.override().entry().id()).isEqualTo(listed.id());
        }

        @Test
        void a_listing_that_ended_imposes_nothing() {
            CreditEntry removed = listing(EntryCategory.DISHONESTY_LIST, EntryNature.DISHONESTY, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 6, 1));
            assertThat(evaluate(removed).grade()).isEqualTo("A");
        }
    }

    @Nested
    class Models {

        static List<String> rules(EvaluationModel.Draft d) {
            try {
                EvaluationModel.define("M-1", d);
            } catch (RuleViolationException e) {
                return e.violations().stream().map(RuleViolation::rule).toList();
            }
            throw new AssertionError("not refused");
        }

        @Test
        void grades_go_from_the_highest_minimum_down_and_the_last_has_none() {
            EvaluationModel.Draft d = DemoModel.cityModel();
            assertThat(rules(new EvaluationModel.Draft(d.name(), d.effectiveFrom(), 1000,
                    List.of(new EvaluationModel.Grade("A", 600), new EvaluationModel.Grade("B", 900), new EvaluationModel.Grade("C", null)),
                    d.indicators(), List.of(), null))).containsExactly("grades-order");
            assertThat(rules(new EvaluationModel.Draft(d.name(), d.effectiveFrom(), 1000,
                    List.of(new EvaluationModel.Grade("A", 900), new EvaluationModel.Grade("B", 600)), d.indicators(), List.of(), null)))
                    .containsExactly("grades-order");
        }

        @Test
        void an_indicator_selects_a_known_kind() {
            EvaluationModel.Draft d = DemoModel.cityModel();
            assertThat(rules(new EvaluationModel.Draft(d.name(), d.effectiveFrom(), 1000, d.grades(),
                    List.of(new EvaluationModel.Indicator("X", "未知", new EvaluationModel.Select("PENALTY", null, null, null, null), -10, null)),
                    List.of(), null))).containsExactly("unknown-kind");
        }

        @Test
        void the_score_reaches_the_first_grade_whose_minimum_it_reaches() {
            assertThat(CITY.gradeOf(900)).isEqualTo("A");
            assertThat(CITY.gradeOf(899)).isEqualTo("B");
            assertThat(CITY.gradeOf(600)).isEqualTo("C");
            assertThat(CITY.gradeOf(-50)).isEqualTo("D");
        }
    }

    @Nested
    class Samples {

        static List<SampleDraw.Member> population() {
            List<SampleDraw.Member> p = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                p.add(new SampleDraw.Member(String.format("9132990000000%05d", i), i < 30 ? "A" : "D"));
            }
            return p;
        }

        @Test
        void each_grade_gives_its_ratio_of_its_population_rounded_half_up() {
            SampleDraw.Result r = SampleDraw.draw(population(), java.util.Map.of("A", 0.05, "D", 0.25), "20261124");
            assertThat(r.byGrade().get("A")).isEqualTo(new SampleDraw.Count(30, 2));
            assertThat(r.byGrade().get("D")).isEqualTo(new SampleDraw.Count(10, 3));
            assertThat(r.drawn()).hasSize(5);
        }

        @Test
        void the_same_seed_draws_the_same_subjects_and_another_seed_others() {
            var ratios = java.util.Map.of("A", 0.2, "D", 0.5);
            SampleDraw.Result one = SampleDraw.draw(population(), ratios, "123456");
            java.util.List<SampleDraw.Member> shuffled = new ArrayList<>(population());
            java.util.Collections.reverse(shuffled);
            assertThat(SampleDraw.draw(shuffled, ratios, "123456").drawn()).as("whatever the order given")
                    .containsExactlyElementsOf(one.drawn());
            assertThat(SampleDraw.draw(population(), ratios, "654321").drawn()).isNotEqualTo(one.drawn());
        }
    }
}
