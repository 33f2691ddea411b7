package gongxin.entries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import gongxin.identity.Caller;
import org.junit.jupiter.api.Test;

/** The facade finds each kind's producer and nothing else, without Spring. */
class CreditEntriesTest {

    /** A producer of one kind holding fixed entries (not a mocked repository: the facade has no storage of its own). */
    record Producer(EntryKind kind, List<CreditEntry> entries) implements CreditEntrySource {
        @Override
        public Optional<CreditEntry> find(long id) {
            return entries.stream().filter(e -> e.id() == id).findFirst();
        }

        @Override
        public void changed(CreditEntriesChanged event, EntryDetail detail, Consumer<CreditEntry> consumer) {
            event.ids().forEach(id -> find(id).ifPresent(consumer));
        }

        @Override
        public void ofSubject(long subjectId, EntryDetail detail, Consumer<CreditEntry> consumer) {
            entries.stream().filter(e -> e.subjectId() == subjectId).forEach(consumer);
        }

        @Override
        public void each(EntryDetail detail, Consumer<CreditEntry> consumer) {
            entries.forEach(consumer);
        }

        @Override
        public RepairTerms repairTerms(long id) {
            return RepairTerms.notRepairable("no");
        }

        @Override
        public void repair(long id, Caller caller, String applicationNumber, LocalDate decidedOn) {
        }
    }

    static CreditEntry entry(EntryKind kind, long id, long subject) {
        return new CreditEntry(EntryRef.of(kind, id), EntrySubject.ofId(subject), "X", "标题", EntryCategory.COMMITMENT, null, true,
                "CITY-SAMR", "文号", LocalDate.of(2026, 7, 1), null, EntryNature.DISHONESTY, null, false, EntryStatus.PUBLISHED,
                null, null, null, null, null, null, true, false, List.of());
    }

    @Test
    void the_same_id_in_two_kinds_is_two_entries() {
        CreditEntries entries = new CreditEntries(List.of(new Producer(EntryKind.RECORD, List.of(entry(EntryKind.RECORD, 1, 5))),
                new Producer(EntryKind.COMMITMENT_BREACH, List.of(entry(EntryKind.COMMITMENT_BREACH, 1, 5)))));
        assertThat(entries.find(EntryRef.of(EntryKind.COMMITMENT_BREACH, 1))).map(CreditEntry::kind).contains(EntryKind.COMMITMENT_BREACH);
        assertThat(entries.find(EntryRef.of(EntryKind.LIST_ENTRY, 1))).as("a kind without a producer has no entries").isEmpty();
        assertThat(entries.ofSubject(5, EntryDetail.MEASURES)).extracting(CreditEntry::ref)
                .containsExactlyInAnyOrder(EntryRef.of(EntryKind.RECORD, 1), EntryRef.of(EntryKind.COMMITMENT_BREACH, 1));
    }

    @Test
    void a_kind_has_one_producer() {
        assertThatThrownBy(() -> new CreditEntries(List.of(new Producer(EntryKind.RECORD, List.of()),
                new Producer(EntryKind.RECORD, List.of())))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void objections_reach_only_producers_that_take_them() {
        CreditEntries entries = new CreditEntries(List.of(new Producer(EntryKind.LIST_ENTRY, List.of(entry(EntryKind.LIST_ENTRY, 3, 5)))));
        assertThatThrownBy(() -> entries.openObjection(EntryRef.of(EntryKind.LIST_ENTRY, 3), "YY2026-X", LocalDate.of(2026, 11, 24), "t"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /** List pages: each producer lists its newest, the page is cut from them merged, only its entries are read whole. */
    @org.junit.jupiter.api.Nested
    class ListPages {

        static final LocalDate DAY = LocalDate.of(2026, 11, 24);

        static CreditEntry dated(EntryKind kind, long id, String date, EntryStatus status, boolean minor) {
            return new CreditEntry(EntryRef.of(kind, id), EntrySubject.ofId(id), "X", "标题", EntryCategory.COMMITMENT, null,
                    true, "CITY-SAMR", "文号" + id, LocalDate.parse(date), null, EntryNature.NEUTRAL, null, minor, status, null,
                    null, null, null, null, null, false, false, List.of());
        }

        /**
         * Fixed entries of one kind, listed newest first whole (as row producers do) or by key only (as records do); it
         * keeps the ids it was asked to read whole.
         */
        static final class Lister extends java.util.ArrayList<Long> implements CreditEntrySource {
            final Producer entries;
            final boolean keysOnly;

            Lister(EntryKind kind, boolean keysOnly, List<CreditEntry> entries) {
                this.entries = new Producer(kind, entries);
                this.keysOnly = keysOnly;
            }

            @Override
            public EntryKind kind() {
                return entries.kind();
            }

            @Override
            public void latestPublic(PublicListing listing, Consumer<PublicListing.Listed> consumer) {
                entries.entries().stream().sorted(java.util.Comparator.comparing(CreditEntry::date).reversed())
                        .limit(listing.limit()).forEach(e -> consumer.accept(keysOnly
                                ? new PublicListing.Listed(e.ref(), e.date(), null) : PublicListing.Listed.of(e)));
            }

            @Override
            public void find(java.util.Collection<Long> ids, Consumer<CreditEntry> consumer) {
                addAll(ids);
                ids.forEach(id -> entries.find(id).ifPresent(consumer));
            }

            @Override
            public Optional<CreditEntry> find(long id) {
                return entries.find(id);
            }

            @Override
            public void changed(CreditEntriesChanged event, EntryDetail detail, Consumer<CreditEntry> consumer) {
                entries.changed(event, detail, consumer);
            }

            @Override
            public void ofSubject(long subjectId, EntryDetail detail, Consumer<CreditEntry> consumer) {
                entries.ofSubject(subjectId, detail, consumer);
            }

            @Override
            public void each(EntryDetail detail, Consumer<CreditEntry> consumer) {
                entries.each(detail, consumer);
            }

            @Override
            public RepairTerms repairTerms(long id) {
                return entries.repairTerms(id);
            }

            @Override
            public void repair(long id, Caller caller, String applicationNumber, LocalDate decidedOn) {
            }
        }

        @Test
        void the_page_is_cut_from_both_producers_newest_first_and_only_its_keys_are_read_whole() {
            Lister breaches = new Lister(EntryKind.COMMITMENT_BREACH, true, List.of(dated(EntryKind.COMMITMENT_BREACH, 1, "2026-11-01", EntryStatus.PUBLISHED, false),
                    dated(EntryKind.COMMITMENT_BREACH, 2, "2026-11-03", EntryStatus.PUBLISHED, false),
                    dated(EntryKind.COMMITMENT_BREACH, 3, "2026-11-05", EntryStatus.PUBLISHED, false)));
            Lister commitments = new Lister(EntryKind.COMMITMENT, false, List.of(dated(EntryKind.COMMITMENT, 9, "2026-11-04", EntryStatus.PUBLISHED, false),
                    dated(EntryKind.COMMITMENT, 8, "2026-11-02", EntryStatus.PUBLISHED, false)));
            CreditEntries entries = new CreditEntries(List.of(breaches, commitments));

            List<CreditEntry> second = entries.latestPublic(new PublicListing(EntryCategory.COMMITMENT, null, null, null, null, DAY, 2, 2));

            // all five newest first: breach 3, commitment 9, breach 2, commitment 8, breach 1; the second page of two
            assertThat(second).extracting(CreditEntry::ref).containsExactly(EntryRef.of(EntryKind.COMMITMENT_BREACH, 2),
                    EntryRef.of(EntryKind.COMMITMENT, 8));
            assertThat(breaches).as("only the page's breach was read whole").containsExactly(2L);
        }

        @Test
        void what_a_producer_lists_beyond_the_contract_is_not_shown() {
            Lister commitments = new Lister(EntryKind.COMMITMENT, false, List.of(dated(EntryKind.COMMITMENT, 1, "2026-11-04", EntryStatus.REMOVED, false),
                    dated(EntryKind.COMMITMENT, 2, "2026-11-03", EntryStatus.PUBLISHED, true),
                    dated(EntryKind.COMMITMENT, 3, "2026-11-02", EntryStatus.PUBLISHED, false)));
            CreditEntries entries = new CreditEntries(List.of(commitments));

            assertThat(entries.latestPublic(new PublicListing(EntryCategory.COMMITMENT, null, null, null, null, DAY, 0, 20)))
                    .as("a removed entry and a minor's are never on a list page").extracting(CreditEntry::id).containsExactly(3L);
            assertThat(entries.latestPublic(new PublicListing(EntryCategory.RED_LIST, null, null, null, null, DAY, 0, 20)))
                    .as("nor another category's").isEmpty();
        }
    }
}
