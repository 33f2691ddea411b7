package gongxin.subjects;

import java.util.List;
import java.util.Optional;

/** The subject registry as other modules use it. */
public interface Subjects {

    /**
     * Finds or creates the subject of each claim (and its legal representative's), bringing names up to date by
     * decision date; runs in the caller's transaction.
     *
     * @return the subject id of each claim, in order; 0 for a claim that identifies nobody
     */
    long[] resolve(List<SubjectClaim> claims);

    /**
     * The subject a request names: by credit code (a pilot-era code only if records were accepted under it), or a
     * person by name (current or former) and ID number together.
     *
     * @throws gongxin.shared.RuleViolationException when the reference is malformed ({@code subject-required},
     *         {@code credit-code}, {@code id-number})
     */
    Optional<SubjectCard> find(SubjectReference reference);

    Optional<SubjectCard> card(long id);

    /** The cards of these subjects, by id, read at once (unknown ids are absent). */
    default java.util.Map<Long, SubjectCard> cards(java.util.Collection<Long> ids) {
        java.util.Map<Long, SubjectCard> out = new java.util.HashMap<>();
        ids.forEach(id -> card(id).ifPresent(c -> out.put(id, c)));
        return out;
    }

    /** The ids of subjects after {@code afterId}, in order, at most {@code limit} (to visit every subject in pages). */
    List<Long> idsAfter(long afterId, int limit);

    /**
     * Many references at once (a batch check): each answer in the order asked, empty for a subject the platform does
     * not know. Only credit codes that pass their check and mainland ID numbers are accepted.
     *
     * @throws gongxin.shared.RuleViolationException naming the first malformed reference ({@code subjects[i]…})
     */
    List<Optional<SubjectCard>> findAll(List<SubjectReference> references);

    /**
     * The legal representative of each organisation on {@code day}, as a person subject, when the platform knows one
     * (落实到人 on the day asked, issue 26): the representative whose first naming decision is the latest on or before
     * that day; before the first one the platform knows of, the earliest; an organisation whose representative never
     * changed has the one on its subject row. Organisations without a known person are absent.
     */
    java.util.Map<Long, Long> representativesOn(java.util.Collection<Long> organisationIds, java.time.LocalDate day);

    /** The organisations whose legal representative each person was on {@code day} (persons without any are absent). */
    java.util.Map<Long, List<Long>> representedOn(java.util.Collection<Long> personIds, java.time.LocalDate day);
}
