package gongxin.audit;

import java.time.Instant;
import java.util.List;

/**
 * The result of walking the whole audit chain.
 *
 * @param valid no break found
 * @param entries how many entries were read
 * @param headSeq the sequence number the chain head says was written last
 * @param breaks where the chain is broken and how (at most {@link AuditLogService#MAX_REPORTED_BREAKS})
 * @param verifiedAt when the walk finished
 */
public record ChainVerification(boolean valid, long entries, long headSeq, List<Break> breaks, Instant verifiedAt) {

    /**
     * One place where the chain does not hold.
     *
     * @param seq the first affected entry
     * @param lastSeq the last affected entry (the same as {@code seq} for a single entry)
     * @param kind {@code CONTENT_ALTERED}, {@code LINK_BROKEN}, {@code ENTRIES_MISSING}, {@code HEAD_MISMATCH}; against
     *             the checkpoints written outside the database: {@code TAIL_TRUNCATED}, {@code CHECKPOINT_MISMATCH},
     *             {@code CHECKPOINT_FORGED}
     * @param message what was found, in Chinese
     */
    public record Break(long seq, long lastSeq, String kind, String message) {
    }
}
