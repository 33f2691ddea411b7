package gongxin.audit;

import java.time.Instant;

/**
 * One entry of the audit log as stored: {@code seq} orders the whole log; the entry is at position {@code laneSeq} of
 * the hash chain {@code lane}, and {@code prevHash} is the hash of the entry before it in that lane.
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, String actorKind, String action,
                         String objectType, String objectId, String purpose, String details, String clientAddress,
                         String prevHash, String hash, int lane, long laneSeq) {

    /** The SM3 hash this entry must carry, computed from its content and the previous entry's hash. */
    String expectedHash() {
        return AuditChain.hash(this, prevHash);
    }
}
