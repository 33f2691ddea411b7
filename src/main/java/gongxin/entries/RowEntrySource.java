package gongxin.entries;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A producer whose entries are rows read one by one (a list entry, a commitment, a breach): it says how to read a row,
 * which rows there are and how a row reads as a credit entry; the streams of the contract follow. A producer with
 * batches of its own (records) implements {@link CreditEntrySource} directly.
 *
 * @param <T> the producer's own row
 */
public abstract class RowEntrySource<T> implements CreditEntrySource {

    /** The row of an entry of this kind, if there is one. */
    protected abstract Optional<T> load(long id);

    /** Every entry's id, oldest first. */
    protected abstract List<Long> ids();

    /** The rows of a subject, oldest first. */
    protected abstract List<T> loadOfSubject(long subjectId);

    /** The rows of these subjects; by default subject by subject. */
    protected List<T> loadOfSubjects(java.util.Collection<Long> subjectIds) {
        List<T> rows = new java.util.ArrayList<>();
        subjectIds.forEach(id -> rows.addAll(loadOfSubject(id)));
        return rows;
    }

    /**
     * The newest rows of the listing's category public on its day, newest first, at most {@link PublicListing#limit()};
     * none by default (a producer whose entries are never on a list page).
     */
    protected List<T> loadLatestPublic(PublicListing listing) {
        return List.of();
    }

    /** The row as a credit entry, with the detail asked for. */
    protected abstract CreditEntry entry(T row, EntryDetail detail);

    @Override
    public Optional<CreditEntry> find(long id) {
        return load(id).map(row -> entry(row, EntryDetail.FULL));
    }

    @Override
    public void changed(CreditEntriesChanged event, EntryDetail detail, Consumer<CreditEntry> consumer) {
        event.ids().stream().sorted().forEach(id -> load(id).map(row -> entry(row, detail)).ifPresent(consumer));
    }

    @Override
    public void ofSubject(long subjectId, EntryDetail detail, Consumer<CreditEntry> consumer) {
        loadOfSubject(subjectId).forEach(row -> consumer.accept(entry(row, detail)));
    }

    @Override
    public void ofSubjects(java.util.Collection<Long> subjectIds, EntryDetail detail, Consumer<CreditEntry> consumer) {
        loadOfSubjects(subjectIds).forEach(row -> consumer.accept(entry(row, detail)));
    }

    @Override
    public void latestPublic(PublicListing listing, Consumer<PublicListing.Listed> consumer) {
        loadLatestPublic(listing).forEach(row -> consumer.accept(PublicListing.Listed.of(entry(row, EntryDetail.FULL))));
    }

    /** Counted from the rows, read as entries without their fields (nothing else to look up). */
    @Override
    public void publicCounts(java.util.Collection<Long> subjectIds, java.time.LocalDate day, Consumer<PublicCount> consumer) {
        PublicCount.Tally tally = new PublicCount.Tally(day);
        loadOfSubjects(subjectIds).forEach(row -> tally.accept(entry(row, EntryDetail.MEASURES)));
        tally.emit(consumer);
    }

    @Override
    public void each(EntryDetail detail, Consumer<CreditEntry> consumer) {
        ids().forEach(id -> load(id).map(row -> entry(row, detail)).ifPresent(consumer));
    }
}
