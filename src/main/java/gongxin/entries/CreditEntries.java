package gongxin.entries;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import gongxin.identity.Caller;
import org.springframework.stereotype.Service;

/**
 * Every credit entry of the platform, whatever produced it: the one thing the website, checks and rights read. Finds
 * the producer of a kind among the {@link CreditEntrySource} beans, so that a new producer is a new module and nothing
 * downstream changes.
 */
@Service
public class CreditEntries {

    private final Map<EntryKind, CreditEntrySource> sources = new EnumMap<>(EntryKind.class);

    CreditEntries(List<CreditEntrySource> sources) {
        for (CreditEntrySource source : sources) {
            if (this.sources.put(source.kind(), source) != null) {
                throw new IllegalStateException("two sources of credit entries of kind " + source.kind());
            }
        }
    }

    public Optional<CreditEntry> find(EntryRef ref) {
        CreditEntrySource source = sources.get(ref.kind());
        return source == null ? Optional.empty() : source.find(ref.id());
    }

    /** The entries an event names, as they stand now. */
    public void changed(CreditEntriesChanged event, EntryDetail detail, Consumer<CreditEntry> consumer) {
        source(event.kind()).changed(event, detail, consumer);
    }

    /** Every entry of every producer, producer by producer (to rebuild a read model). */
    public void each(EntryDetail detail, Consumer<CreditEntry> consumer) {
        sources.values().forEach(source -> source.each(detail, consumer));
    }

    /** Every entry of a subject, whatever produced it (ended ones included: the caller decides what counts). */
    public java.util.List<CreditEntry> ofSubject(long subjectId, EntryDetail detail) {
        java.util.List<CreditEntry> all = new java.util.ArrayList<>();
        sources.values().forEach(source -> source.ofSubject(subjectId, detail, all::add));
        return all;
    }

    /** Every entry of these subjects, by subject id, whatever produced them (a subject without entries is absent). */
    public java.util.Map<Long, List<CreditEntry>> ofSubjects(java.util.Collection<Long> subjectIds, EntryDetail detail) {
        return bySubject(subjectIds, (source, consumer) -> source.ofSubjects(subjectIds, detail, consumer));
    }

    /**
     * The entries of these subjects that may still count on {@code day}, by subject id: those that stopped counting
     * before may be left out (a full evaluation run reads less than half the records it would otherwise).
     */
    public java.util.Map<Long, List<CreditEntry>> countingOn(java.util.Collection<Long> subjectIds, java.time.LocalDate day,
                                                             EntryDetail detail) {
        return bySubject(subjectIds, (source, consumer) -> source.ofSubjectsCountingOn(subjectIds, day, detail, consumer));
    }

    private java.util.Map<Long, List<CreditEntry>> bySubject(java.util.Collection<Long> subjectIds,
                                                            java.util.function.BiConsumer<CreditEntrySource, Consumer<CreditEntry>> read) {
        java.util.Map<Long, List<CreditEntry>> bySubject = new java.util.HashMap<>();
        if (!subjectIds.isEmpty()) {
            sources.values().forEach(source -> read.accept(source,
                    e -> bySubject.computeIfAbsent(e.subjectId(), k -> new java.util.ArrayList<>()).add(e)));
        }
        return bySubject;
    }

    /**
     * One page of a list page: the newest entries of a category the public may see on the listing's day, whatever
     * produced them. Each source lists its newest by key, the page is cut from them merged, and only the page's entries
     * are read whole (a deep page does not read every entry above it with its fields).
     */
    public List<CreditEntry> latestPublic(PublicListing listing) {
        List<PublicListing.Listed> listed = new java.util.ArrayList<>();
        sources.values().forEach(source -> source.latestPublic(listing, listed::add));
        listed.sort(PublicListing.NEWEST_FIRST);
        List<PublicListing.Listed> page = listed.subList(Math.min(listing.offset(), listed.size()),
                Math.min(listing.limit(), listed.size()));
        java.util.Map<EntryRef, CreditEntry> read = new java.util.HashMap<>();
        java.util.Map<EntryKind, List<Long>> toRead = new java.util.EnumMap<>(EntryKind.class);
        for (PublicListing.Listed l : page) {
            if (l.entry() != null) {
                read.put(l.ref(), l.entry());
            } else {
                toRead.computeIfAbsent(l.ref().kind(), k -> new java.util.ArrayList<>()).add(l.ref().id());
            }
        }
        toRead.forEach((kind, ids) -> source(kind).find(ids, e -> read.put(e.ref(), e)));
        List<CreditEntry> out = new java.util.ArrayList<>();
        for (PublicListing.Listed l : page) {
            CreditEntry e = read.get(l.ref());
            // what a source gives beyond the contract is not shown: the public sees only what is public today
            if (e != null && e.category() == listing.category() && listing.includes(e.code()) && e.publicOn(listing.day())) {
                out.add(e);
            }
        }
        return out;
    }

    /** How many entries these subjects (registry ids) show the public on {@code day}, by kind of information. */
    public List<PublicCount> publicCounts(java.util.Collection<Long> subjectIds, LocalDate day) {
        List<PublicCount> counts = new java.util.ArrayList<>();
        if (!subjectIds.isEmpty()) {
            sources.values().forEach(source -> source.publicCounts(subjectIds, day, counts::add));
        }
        return counts;
    }

    /** See {@link CreditEntrySource#changedSince}. */
    public void changedSince(EntryKind kind, String code, java.time.Instant since, EntryDetail detail,
                             java.util.function.Consumer<CreditEntry> consumer) {
        source(kind).changedSince(code, since, detail, consumer);
    }

    /** The kinds that have a producer in this application. */
    public List<EntryKind> kinds() {
        return List.copyOf(sources.keySet());
    }

    public RepairTerms repairTerms(EntryRef ref) {
        return source(ref.kind()).repairTerms(ref.id());
    }

    public void repair(EntryRef ref, Caller caller, String applicationNumber, LocalDate decidedOn) {
        source(ref.kind()).repair(ref.id(), caller, applicationNumber, decidedOn);
    }

    /** A granted repair was revoked (false material): the entry is restored, see {@link CreditEntrySource#revokeRepair}. */
    public void revokeRepair(EntryRef ref, Caller caller, String applicationNumber, LocalDate on, String reason) {
        source(ref.kind()).revokeRepair(ref.id(), caller, applicationNumber, on, reason);
    }

    public int version(EntryRef ref) {
        return source(ref.kind()).version(ref.id());
    }

    public void openObjection(EntryRef ref, String applicationNumber, LocalDate since, String actor) {
        source(ref.kind()).openObjection(ref.id(), applicationNumber, since, actor);
    }

    public void acceptObjection(EntryRef ref, String applicationNumber, LocalDate on, String actor) {
        source(ref.kind()).acceptObjection(ref.id(), applicationNumber, on, actor);
    }

    public void closeObjection(EntryRef ref, String applicationNumber, String outcome, String actor) {
        source(ref.kind()).closeObjection(ref.id(), applicationNumber, outcome, actor);
    }

    public void revokeOnObjection(EntryRef ref, String applicationNumber, LocalDate decidedOn, String reason, String actor) {
        source(ref.kind()).revokeOnObjection(ref.id(), applicationNumber, decidedOn, reason, actor);
    }

    private CreditEntrySource source(EntryKind kind) {
        CreditEntrySource source = sources.get(kind);
        if (source == null) {
            throw new IllegalStateException("no producer of credit entries of kind " + kind);
        }
        return source;
    }
}
