package gongxin.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import gongxin.shared.Sm3;

/**
 * The hash chain: entry n's hash is SM3 over its fields and entry n−1's hash. Fields are length-prefixed so that no
 * two different entries can produce the same input.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(AuditEntry entry, String prevHash) {
        Sm3 sm3 = Sm3.start();
        field(sm3, Long.toString(entry.seq()));
        field(sm3, timestamp(entry.occurredAt()));
        field(sm3, entry.actor());
        field(sm3, entry.actorKind());
        field(sm3, entry.action());
        field(sm3, entry.objectType());
        field(sm3, entry.objectId());
        field(sm3, entry.purpose());
        field(sm3, entry.details());
        field(sm3, entry.clientAddress());
        field(sm3, prevHash);
        return sm3.hex();
    }

    /** PostgreSQL keeps microseconds, so the hash covers exactly those. */
    static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(storable(instant));
    }

    private static void field(Sm3 sm3, String value) {
        if (value == null) {
            sm3.update(new byte[] {'-', ';'});
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sm3.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sm3.update(bytes);
        sm3.update(new byte[] {';'});
    }
}
