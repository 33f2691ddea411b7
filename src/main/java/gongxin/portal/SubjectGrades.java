package gongxin.portal;

import java.time.LocalDate;
import java.util.Optional;

import gongxin.evaluation.Grades;
import gongxin.subjects.SubjectReference;
import gongxin.subjects.Subjects;
import org.springframework.stereotype.Component;

/**
 * A site subject's evaluation grade with its explanation, for the SPECIAL report's section 评价 and, when the city turns
 * it on ({@code gongxin.portal.show-grades}), the subject's public page. Market subjects only: the models grade
 * organisations and individual businesses by their credit code.
 */
@Component
class SubjectGrades {

    private final Subjects subjects;
    private final Grades grades;

    SubjectGrades(Subjects subjects, Grades grades) {
        this.subjects = subjects;
        this.grades = grades;
    }

    /** The subject in the registry: a site subject of a market subject, by its credit code. */
    Optional<Long> registryId(PortalRepository.Subject subject) {
        if (subject.creditCode() == null) {
            return Optional.empty();
        }
        return subjects.find(new SubjectReference(subject.creditCode(), null, null)).map(gongxin.subjects.SubjectCard::id);
    }

    Optional<Grades.Explained> of(PortalRepository.Subject subject, LocalDate day) {
        if (subject.creditCode() == null) {
            return Optional.empty();
        }
        return subjects.find(new SubjectReference(subject.creditCode(), null, null))
                .flatMap(card -> grades.explained(card.id(), day));
    }
}
