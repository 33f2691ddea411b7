package gongxin.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Whether a streaming replica is recent enough to answer public reads: it must have replayed everything the primary
 * had written {@code maxLag} ago. The primary's WAL position is observed periodically; the position the replica must
 * have reached is the newest observation at least {@code maxLag} old (or the oldest one, until there is one that old).
 * Comparing positions, not the replay timestamp, keeps an idle primary from making a caught-up replica look old.
 */
final class ReplicaLag {

    private record Sample(Instant at, long lsn) {
    }

    private final Duration maxLag;
    /** Observations of the primary, oldest first: the newest at least {@code maxLag} old, and all after it. */
    private final Deque<Sample> samples = new ArrayDeque<>();

    ReplicaLag(Duration maxLag) {
        this.maxLag = maxLag;
    }

    /**
     * Records the primary at {@code primaryLsn} now and says whether a replica that has replayed up to {@code replayed}
     * (null: it does not say, it is not a standby) is caught up.
     */
    synchronized boolean caughtUp(Instant now, long primaryLsn, Long replayed) {
        samples.addLast(new Sample(now, primaryLsn));
        Instant horizon = now.minus(maxLag);
        while (samples.size() > 1 && !samples.stream().skip(1).findFirst().orElseThrow().at().isAfter(horizon)) {
            samples.removeFirst();
        }
        return replayed != null && replayed >= samples.getFirst().lsn();
    }

    /** A {@code pg_lsn} as text ({@code 16/B374D848}) as a number. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
    }
}
