package gongxin.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import gongxin.shared.Sm3;

/**
 * An inspection sample drawn by grade (双随机、一公开 with 分级分类监管): within each grade, the subjects are ordered by
 * SM3 of {@code seed + ":" + creditCode} and the first ones taken, as many as the grade's ratio times its population,
 * rounded half up. Anyone holding the population, the grades, the ratios and the seed can draw the same subjects again
 * and so verify that the department did not choose them.
 */
final class SampleDraw {

    /** A subject of the population with its grade. */
    record Member(String creditCode, String grade) {
    }

    /** How many of a grade there were and how many were drawn. */
    record Count(int population, int drawn) {
    }

    record Result(List<Member> drawn, Map<String, Count> byGrade) {
    }

    private SampleDraw() {
    }

    static Result draw(List<Member> population, Map<String, Double> ratios, String seed) {
        Map<String, List<Member>> byGrade = new TreeMap<>();
        for (Member m : population) {
            byGrade.computeIfAbsent(m.grade(), g -> new ArrayList<>()).add(m);
        }
        List<Member> drawn = new ArrayList<>();
        Map<String, Count> counts = new LinkedHashMap<>();
        byGrade.forEach((grade, members) -> {
            double ratio = ratios.getOrDefault(grade, 0.0);
            int n = BigDecimal.valueOf(ratio).multiply(BigDecimal.valueOf(members.size())).setScale(0, RoundingMode.HALF_UP).intValue();
            List<Member> ordered = new ArrayList<>(members);
            ordered.sort(Comparator.comparing((Member m) -> Sm3.hex(seed + ":" + m.creditCode())).thenComparing(Member::creditCode));
            drawn.addAll(ordered.subList(0, Math.min(n, ordered.size())));
            counts.put(grade, new Count(members.size(), Math.min(n, ordered.size())));
        });
        return new Result(List.copyOf(drawn), counts);
    }
}
