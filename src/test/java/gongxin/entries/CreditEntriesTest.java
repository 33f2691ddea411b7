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
}
