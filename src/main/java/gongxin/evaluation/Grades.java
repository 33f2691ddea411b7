package gongxin.evaluation;

import java.time.LocalDate;
import java.util.Optional;

/** Subjects' grades, for other modules (checks answer the grade; measures may be triggered by it). */
public interface Grades {

    /** A grade as others show it. */
    record SubjectGrade(String grade, int score, String model) {
    }

    /** The grade as last evaluated (it follows the subject's entries within seconds). */
    Optional<SubjectGrade> current(long subjectId);

    /** The grades of these subjects as last evaluated, by subject id (subjects never graded are absent). */
    java.util.Map<Long, SubjectGrade> current(java.util.Collection<Long> subjectIds);

    /** The grade on a past day, computed from the entries as they stood then under the model in force then. */
    Optional<SubjectGrade> asOf(long subjectId, LocalDate day);
}
