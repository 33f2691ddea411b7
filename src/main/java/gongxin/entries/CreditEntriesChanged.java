package gongxin.entries;

import java.util.List;
import java.util.UUID;

/**
 * Entries of one kind changed: consumers read them again as {@link CreditEntries#changed} now describes them. Published
 * in the producer's transaction; listeners run after it commits, registered in the event publication registry (a
 * failed one is published again). A large change names its batch instead of its ids, and the producer streams it.
 *
 * @param batch the producer's batch whose entries changed (a collection batch), or null
 * @param ids the entries that changed, when {@code batch} is null
 */
public record CreditEntriesChanged(EntryKind kind, EntryChange change, UUID batch, List<Long> ids) {

    public CreditEntriesChanged {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    public static CreditEntriesChanged of(EntryRef ref, EntryChange change) {
        return new CreditEntriesChanged(ref.kind(), change, null, List.of(ref.id()));
    }

    public static CreditEntriesChanged of(EntryKind kind, List<Long> ids, EntryChange change) {
        return new CreditEntriesChanged(kind, change, null, ids);
    }

    public static CreditEntriesChanged batch(EntryKind kind, UUID batch, EntryChange change) {
        return new CreditEntriesChanged(kind, change, batch, List.of());
    }
}
