package gongxin.records;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary {@code COPY} format (PostgreSQL documentation, "COPY", section "Binary Format"). The
 * server takes dates, timestamps, UUIDs and integers as they are instead of parsing their text: half of what storing
 * a record cost it in the text format (docs/benchmarks.md). Each value is written with the method of its column's
 * type; a type that does not match the column is refused by the server, so the column order lives next to this use.
 */
final class CopyBinary {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** PostgreSQL counts dates and timestamps from 2000-01-01. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long POSTGRES_EPOCH_SECOND = POSTGRES_EPOCH_DAY * 86_400L;

    private byte[] buffer = new byte[1 << 16];
    private int length;
    private int rows;

    CopyBinary() {
        this(true);
    }

    private CopyBinary(boolean header) {
        if (header) {
            put(HEADER);
        }
    }

    /** Rows to be copied later into a stream ({@link #copyRow}), one by one. */
    static CopyBinary withoutHeader() {
        return new CopyBinary(false);
    }

    /** Where the next value will be written: a row's bounds in a buffer without header. */
    int position() {
        return length;
    }

    /** Appends a row (or its first columns) written in {@code source} between {@code start} and {@code end}. */
    CopyBinary copyRow(CopyBinary source, int start, int end) {
        ensure(end - start);
        System.arraycopy(source.buffer, start, buffer, length, end - start);
        length += end - start;
        rows++;
        return this;
    }

    /** Starts a row of the given number of columns. */
    CopyBinary row(int columns) {
        int16(columns);
        rows++;
        return this;
    }

    CopyBinary text(String value) {
        if (value == null) {
            return nul();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int32(bytes.length);
        put(bytes);
        return this;
    }

    /** A {@code json} column takes its UTF-8 text as is (the binary format of json is its text). */
    CopyBinary json(byte[] utf8) {
        return bytea(utf8);
    }

    CopyBinary int4(Integer value) {
        if (value == null) {
            return nul();
        }
        int32(4);
        int32(value);
        return this;
    }

    CopyBinary int8(Long value) {
        if (value == null) {
            return nul();
        }
        int32(8);
        int32((int) (value >>> 32));
        int32((int) (long) value);
        return this;
    }

    CopyBinary bool(Boolean value) {
        if (value == null) {
            return nul();
        }
        int32(1);
        ensure(1);
        buffer[length++] = (byte) (value ? 1 : 0);
        return this;
    }

    CopyBinary date(LocalDate value) {
        if (value == null) {
            return nul();
        }
        int32(4);
        int32(Math.toIntExact(value.toEpochDay() - POSTGRES_EPOCH_DAY));
        return this;
    }

    /** A {@code timestamp with time zone}: microseconds since 2000-01-01 UTC. */
    CopyBinary timestamptz(Instant value) {
        if (value == null) {
            return nul();
        }
        int32(8);
        int64((value.getEpochSecond() - POSTGRES_EPOCH_SECOND) * 1_000_000L + value.getNano() / 1_000);
        return this;
    }

    CopyBinary uuid(UUID value) {
        if (value == null) {
            return nul();
        }
        int32(16);
        int64(value.getMostSignificantBits());
        int64(value.getLeastSignificantBits());
        return this;
    }

    CopyBinary bytea(byte[] value) {
        if (value == null) {
            return nul();
        }
        int32(value.length);
        put(value);
        return this;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    /** The whole stream, trailer included. */
    byte[] bytes() {
        byte[] out = Arrays.copyOf(buffer, length + 2);
        out[length] = (byte) 0xff;
        out[length + 1] = (byte) 0xff;
        return out;
    }

    private CopyBinary nul() {
        int32(-1);
        return this;
    }

    private void int16(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void int32(int value) {
        ensure(4);
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void int64(long value) {
        int32((int) (value >>> 32));
        int32((int) value);
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
