package gongxin.shared;

import java.util.Arrays;

/**
 * A set of 64-bit hashes in one array (open addressing): remembers a million rows of a file in 16 MB instead of
 * ~100 MB of boxed keys, so that a large file streams through a small heap. Zero is reserved as "empty".
 */
public final class LongHashSet {

    private long[] slots = new long[1 << 12];
    private int size;

    /** Adds {@code value}; returns false when it was already there. */
    public boolean add(long value) {
        long v = value == 0 ? 1 : value;
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int i = slotOf(v);
        if (slots[i] == v) {
            return false;
        }
        slots[i] = v;
        size++;
        return true;
    }

    /** Whether {@code value} was added (zero stands for one, as in {@link #add}). */
    public boolean contains(long value) {
        long v = value == 0 ? 1 : value;
        return slots[slotOf(v)] == v;
    }

    /** The slot holding {@code value}, or the empty slot where it would go. */
    private int slotOf(long value) {
        int mask = slots.length - 1;
        int i = mix(value) & mask;
        while (slots[i] != 0 && slots[i] != value) {
            i = (i + 1) & mask;
        }
        return i;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        Arrays.stream(old).filter(v -> v != 0).forEach(this::add);
    }

    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
