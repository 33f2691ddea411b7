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
        if (value == 0) {
            value = 1;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = mix(value) & mask;
        while (slots[i] != 0) {
            if (slots[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = value;
        size++;
        return true;
    }

    /** Whether {@code value} was added (zero stands for one, as in {@link #add}). */
    public boolean contains(long value) {
        if (value == 0) {
            value = 1;
        }
        int mask = slots.length - 1;
        int i = mix(value) & mask;
        while (slots[i] != 0) {
            if (slots[i] == value) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
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
