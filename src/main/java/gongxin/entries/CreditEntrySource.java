package gongxin.entries;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

import gongxin.identity.Caller;

/**
 * What every producer of credit entries answers (implemented by records, lists, commitments). Consumers do not call it:
 * they use {@link CreditEntries}, which finds the source of a kind. The rights procedures' effects are here too, so that
 * repair and objection reach any entry that says it allows them, through its producer (谁认定、谁负责).
 */
public interface CreditEntrySource {

    EntryKind kind();

    Optional<CreditEntry> find(long id);

    /** Streams the entries an event of this source names (its batch, or its ids), in id order. */
    void changed(CreditEntriesChanged event, EntryDetail detail, Consumer<CreditEntry> consumer);

    /** Every entry of a subject, ended ones included, in id order (for rules that look at a subject's whole record). */
    void ofSubject(long subjectId, EntryDetail detail, Consumer<CreditEntry> consumer);

    /**
     * Every entry of these subjects (a page of a full evaluation run, the subjects an ingest touched). A producer that
     * can read them in one statement overrides this; the default asks subject by subject.
     */
    default void ofSubjects(java.util.Collection<Long> subjectIds, EntryDetail detail, Consumer<CreditEntry> consumer) {
        subjectIds.forEach(id -> ofSubject(id, detail, consumer));
    }

    /**
     * The entries of these subjects that may still count on {@code day}: like {@link #ofSubjects}, but a source may
     * leave out those that stopped counting by then ({@link CreditEntry#countsUntil()} on or before it), which a grader
     * never reads. It may return them too; the default returns every entry.
     */
    default void ofSubjectsCountingOn(java.util.Collection<Long> subjectIds, java.time.LocalDate day, EntryDetail detail,
                                      Consumer<CreditEntry> consumer) {
        ofSubjects(subjectIds, detail, consumer);
    }

    /**
     * The entries of one kind of information ({@link CreditEntry#code()}: a catalog item…) that changed at or after
     * {@code since} (made, corrected, revoked, repaired, ended), in id order: for file exchanges of what changed since a
     * day. A source that cannot tell when its entries changed does not override it.
     *
     * @throws UnsupportedOperationException when this source cannot
     */
    default void changedSince(String code, java.time.Instant since, EntryDetail detail, Consumer<CreditEntry> consumer) {
        throw new UnsupportedOperationException(kind() + " entries cannot be listed by when they changed");
    }

    /**
     * The newest entries of the listing's category that the public may see on its day, newest first
     * ({@link PublicListing#NEWEST_FIRST}), at most {@link PublicListing#limit()} of them: a list page is read from the
     * producers' own tables (issue 27, 4). A source whose entries are never of the category gives none.
     */
    default void latestPublic(PublicListing listing, Consumer<PublicListing.Listed> consumer) {
    }

    /**
     * How many entries each of these subjects shows the public on {@code day}, by kind of information. The default reads
     * the entries whole; a producer that can count them in its own table overrides it.
     */
    default void publicCounts(java.util.Collection<Long> subjectIds, LocalDate day, Consumer<PublicCount> consumer) {
        PublicCount.Tally tally = new PublicCount.Tally(day);
        ofSubjects(subjectIds, EntryDetail.FULL, tally);
        tally.emit(consumer);
    }

    /** These entries with every detail (those that exist), in any order: the entries of one list page. */
    default void find(java.util.Collection<Long> ids, Consumer<CreditEntry> consumer) {
        ids.forEach(id -> find(id).ifPresent(consumer));
    }

    /** Streams every entry ever made, in id order (to rebuild a read model). */
    void each(EntryDetail detail, Consumer<CreditEntry> consumer);

    /** Whether and from when the entry may be repaired today; not repairable when the procedure does not apply. */
    RepairTerms repairTerms(long id);

    /**
     * Credit repair was granted: not published, no hit in checks, kept and marked (一次申请、同步修复), in the caller's
     * transaction, announced by {@link CreditEntriesChanged}.
     */
    void repair(long id, Caller caller, String applicationNumber, LocalDate decidedOn);

    /**
     * A repair granted on false material was revoked by the department that granted it: the entry stands again as it
     * would have without the repair (published, a hit, on its list) until its own end, in the caller's transaction,
     * announced by {@link CreditEntriesChanged} ({@link EntryChange#REPAIR_REVOKED}); the repair and its revocation
     * stay in its history.
     */
    default void revokeRepair(long id, Caller caller, String applicationNumber, LocalDate on, String reason) {
        throw new UnsupportedOperationException(kind() + " entries are not repaired");
    }

    /** The entry's current version (a correction makes a new one), for objections. */
    default int version(long id) {
        return 1;
    }

    /**
     * An objection was received (credit-rules §7): the entry is shown marked (异议处理中); its measures still apply until
     * the department accepts it ({@link #acceptObjection}).
     *
     * @throws UnsupportedOperationException when the entry is not {@link CreditEntry#objectable()}
     */
    default void openObjection(long id, String applicationNumber, LocalDate since, String actor) {
        throw new UnsupportedOperationException(kind() + " entries take no objections");
    }

    /**
     * The department accepted the objection (受理, after checking who applied): the entry's measures are suspended from
     * {@code on} until the decision (issue 25, finding 1).
     */
    default void acceptObjection(long id, String applicationNumber, LocalDate on, String actor) {
        throw new UnsupportedOperationException(kind() + " entries take no objections");
    }

    /** The objection was decided without revoking the entry: the mark goes. */
    default void closeObjection(long id, String applicationNumber, String outcome, String actor) {
        throw new UnsupportedOperationException(kind() + " entries take no objections");
    }

    /** The objection found the entry wrong: it is revoked on the decision and leaves every view. */
    default void revokeOnObjection(long id, String applicationNumber, LocalDate decidedOn, String reason, String actor) {
        throw new UnsupportedOperationException(kind() + " entries take no objections");
    }
}
