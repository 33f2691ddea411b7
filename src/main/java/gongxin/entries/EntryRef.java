package gongxin.entries;

/** A credit entry's name: its kind and its id in that kind. */
public record EntryRef(EntryKind kind, long id) {

    public EntryRef {
        if (kind == null) {
            throw new IllegalArgumentException("kind");
        }
    }

    public static EntryRef of(EntryKind kind, long id) {
        return new EntryRef(kind, id);
    }

    /** {@code KIND:id}, as logs, audit details and the exchange keys write it. */
    @Override
    public String toString() {
        return kind.name() + ":" + id;
    }
}
