package gongxin.portal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests per address per minute, counted in fixed one-minute windows on this node. Several nodes each count their
 * own share: behind a load balancer the effective limit is the per-node limit times the nodes an address reaches.
 */
final class RateLimiter {

    private record Window(long minute, AtomicInteger count) {
    }

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts a request; returns 0 when allowed, otherwise the seconds until the address may try again. */
    long acquire(String address) {
        long now = clock.millis();
        long minute = now / 60_000;
        Window window = windows.compute(address, (k, w) -> w == null || w.minute() != minute ? new Window(minute, new AtomicInteger()) : w);
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> e.getValue().minute() != minute);
        }
        if (window.count().incrementAndGet() <= perMinute) {
            return 0;
        }
        return Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
    }
}
