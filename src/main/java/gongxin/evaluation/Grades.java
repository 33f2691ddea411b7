package gongxin.evaluation;

import java.time.LocalDate;
import java.util.Optional;

/** Subjects' grades, for other modules (checks answer the grade; measures may be triggered by it). */
public interface Grades {

    /** A grade as others show it. */
    record SubjectGrade(String grade, int score, String model) {
    }

    /**
     * A grade with the reasons for it, as a report or a page shows them.
     *
     * @param lines each indicator that contributed: its name, its points, and the entries behind it
     * @param override the line of an override (the grade it imposes and its entry), if one applies
     */
    record Explained(String grade, int score, String model, java.time.LocalDate asOf, java.util.List<Line> lines, Line override) {

        /** @param entries each entry as {@code title（date）} */
        public record Line(String name, int points, java.util.List<String> entries) {
        }
    }

    /** The subject's grade on {@code day} with its explanation, computed from its entries; empty when no model applies. */
    Optional<Explained> explained(long subjectId, LocalDate day);

    /** The grade as last evaluated (it follows the subject's entries within seconds). */
    Optional<SubjectGrade> current(long subjectId);

    /** The grades of these subjects as last evaluated, by subject id (subjects never graded are absent). */
    java.util.Map<Long, SubjectGrade> current(java.util.Collection<Long> subjectIds);

    /** The grade on a past day, computed from the entries as they stood then under the model in force then. */
    Optional<SubjectGrade> asOf(long subjectId, LocalDate day);

    /** The grades of these subjects on a past day, computed from their entries read at once; by subject id. */
    java.util.Map<Long, SubjectGrade> asOf(java.util.Collection<Long> subjectIds, LocalDate day);
}
