package gongxin.portal;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests per address per minute, counted in fixed one-minute windows in the database that every node shares (issue
 * 25, finding 1: a limit counted per node was multiplied by the nodes an address reaches). One upsert per request on
 * an UNLOGGED table; the windows of past minutes are dropped by the first request of a new minute on each node.
 */
final class RateLimiter {

    private final JdbcClient jdbc;
    private final int perMinute;
    private final Clock clock;
    private final AtomicLong cleaned = new AtomicLong();

    RateLimiter(JdbcClient jdbc, int perMinute, Clock clock) {
        this.jdbc = jdbc;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts a request; returns 0 when allowed, otherwise the seconds until the address may try again. */
    long acquire(String address) {
        long now = clock.millis();
        long minute = now / 60_000;
        long last = cleaned.get();
        if (last != minute && cleaned.compareAndSet(last, minute)) {
            jdbc.sql("delete from portal.request_window where minute < ?").param(minute).update();
        }
        int requests = jdbc.sql("""
                insert into portal.request_window (address, minute, requests) values (?, ?, 1)
                on conflict (address, minute) do update set requests = portal.request_window.requests + 1
                returning requests""").params(address, minute).query(Integer.class).single();
        if (requests <= perMinute) {
            return 0;
        }
        return Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
    }
}
