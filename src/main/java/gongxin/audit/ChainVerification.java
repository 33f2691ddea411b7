package gongxin.audit;

import java.time.Instant;
import java.util.List;

/**
 * The result of walking the whole audit chain.
 *
 * @param valid no break found
 * @param entries how many entries were read
 * @param headSeq how many entries the lanes' heads say were written (the sum of their last positions)
 * @param breaks where the chain is broken and how (at most {@link AuditLogService#MAX_REPORTED_BREAKS})
 * @param verifiedAt when the walk finished
 */
public record ChainVerification(boolean valid, long entries, long headSeq, List<Break> breaks, Instant verifiedAt) {

    /**
     * One place where a lane of the chain does not hold. Positions are within the lane; in lane 1 they are also the
     * numbers of the entries written before the log had lanes.
     *
     * @param seq the first affected position
     * @param lastSeq the last affected position (the same as {@code seq} for a single entry)
     * @param kind {@code CONTENT_ALTERED}, {@code LINK_BROKEN}, {@code ENTRIES_MISSING}, {@code HEAD_MISMATCH}; against
     *             the checkpoints written outside the database: {@code TAIL_TRUNCATED}, {@code CHECKPOINT_MISMATCH},
     *             {@code CHECKPOINT_FORGED}
     * @param message what was found, in Chinese
     * @param lane the lane
     */
    public record Break(long seq, long lastSeq, String kind, String message, int lane) {
    }
}
