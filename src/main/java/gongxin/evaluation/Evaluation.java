package gongxin.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import gongxin.entries.CreditEntry;

/**
 * A subject's evaluation on a day under a model: the score is the base plus every indicator's total (each bounded by
 * its cap), the grade the first the score reaches, unless an override imposes one; every indicator that contributed is
 * named with its points and the entries behind them, and an override with its entry (Shenzhen credit regulation,
 * art. 29 and 39: an evaluation is explainable and traceable to its sources).
 *
 * @param nextChange the first day after {@code asOf} on which the grade may change without a new entry, if any
 */
record Evaluation(String model, LocalDate modelFrom, LocalDate asOf, int score, String grade, List<Line> explanation,
                  Imposed override, LocalDate nextChange) {

    /** An entry as an explanation names it. */
    record Source(String kind, long id, String title, LocalDate date) {

        static Source of(CreditEntry e) {
            return new Source(e.kind().name(), e.id(), e.title(), e.date());
        }
    }

    /** An indicator that contributed: its total after the cap, and the entries it counted. */
    record Line(String indicator, String name, int points, List<Source> entries) {
    }

    /** A grade imposed by an override, and the entry that imposes it. */
    record Imposed(String grade, Source entry) {
    }

    /** Evaluates the subject whose entries (every producer's, ended ones included) are {@code entries}. */
    static Evaluation of(EvaluationModel model, List<CreditEntry> entries, LocalDate asOf) {
        int score = model.base();
        List<Line> lines = new ArrayList<>();
        LocalDate next = null;
        for (EvaluationModel.Indicator indicator : model.indicators()) {
            List<Source> sources = new ArrayList<>();
            for (CreditEntry e : entries) {
                if (indicator.select().selects(e, asOf)) {
                    sources.add(Source.of(e));
                    next = earlier(next, indicator.select().nextChange(e, asOf));
                }
            }
            if (sources.isEmpty()) {
                continue;
            }
            int total = indicator.points() * sources.size();
            if (indicator.cap() != null && Math.abs(total) > indicator.cap()) {
                total = Integer.signum(total) * indicator.cap();
            }
            if (total != 0) {
                lines.add(new Line(indicator.code(), indicator.name(), total, List.copyOf(sources)));
                score += total;
            }
        }
        Imposed imposed = null;
        for (EvaluationModel.Override o : model.overrides()) {
            for (CreditEntry e : entries) {
                if (o.select().selects(e, asOf)) {
                    next = earlier(next, o.select().nextChange(e, asOf));
                    if (imposed == null) {
                        imposed = new Imposed(o.grade(), Source.of(e));
                    }
                }
            }
        }
        String grade = imposed != null ? imposed.grade() : model.gradeOf(score);
        return new Evaluation(model.code(), model.effectiveFrom(), asOf, score, grade, List.copyOf(lines), imposed, next);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
