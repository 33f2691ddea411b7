package gongxin.lists;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The entries of the lists as other modules read them (the website, checks). */
public interface ListEntries {

    Optional<Entry> find(long entryId);

    /** Every entry ever made, oldest first, removed ones included (to rebuild a read model). */
    List<Long> allIds();

    /**
     * An entry on a list.
     *
     * @param kind DISHONESTY or RED
     * @param department the determining department (for a red list: the department that keeps it)
     * @param basis the legal basis of the list type
     * @param reason why the subject is on it: the facts of the decision, or the source of an imported list
     * @param endsOn the last day on the list; none for an upstream entry whose source gives no end (it ends when the
     *               source removes it)
     * @param removedOn the day it left the list, if it did
     * @param flaggedReason a red-list entry whose subject later got a dishonesty record or entry (动态管理): it no longer
     *                      counts and waits for its removal
     * @param flaggedOn the day it was flagged
     * @param domain the list type's domain (dishonesty lists), if any
     * @param objectionSince an objection to the entry is being handled since that day: marked, its measures suspended
     */
    record Entry(long id, long subjectId, String listType, String listName, String kind, String domain, String department,
                 String basis, String reason, String documentNumber, LocalDate listedOn, LocalDate removableFrom,
                 LocalDate endsOn, LocalDate removedOn, String removalReason, String flaggedReason, LocalDate flaggedOn,
                 List<String> measures, LocalDate objectionSince, LocalDate objectionAcceptedOn) {

        /** On the list on {@code day}: listed by then, not removed, not past its last day, not flagged. */
        public boolean inForce(LocalDate day) {
            return !listedOn.isAfter(day) && (removedOn == null || removedOn.isAfter(day))
                    && (endsOn == null || !endsOn.isBefore(day)) && flaggedReason == null;
        }
    }
}
