package gongxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import gongxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The per-address limit, counted in the database every node shares (issue 25, finding 1). */
class RateLimiterTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void an_address_over_its_limit_waits_for_the_next_minute_and_others_are_not_affected() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-24T02:00:45Z"));
        String address = "10.1." + System.nanoTime() % 250 + "." + System.nanoTime() % 251;
        RateLimiter limiter = new RateLimiter(jdbc, 3, clock);
        assertThat(limiter.acquire(address)).isZero();
        assertThat(limiter.acquire(address)).isZero();
        assertThat(limiter.acquire(address)).isZero();
        assertThat(limiter.acquire(address)).isEqualTo(15);
        assertThat(limiter.acquire(address + "9")).isZero();
        clock.now.set(clock.now.get().plus(Duration.ofSeconds(15)));
        assertThat(limiter.acquire(address)).isZero();
    }

    /** Two nodes (two limiters on one database) share one count: an address cannot double its limit by switching. */
    @Test
    void the_limit_holds_across_nodes() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-24T03:10:30Z"));
        String address = "10.2." + System.nanoTime() % 250 + "." + System.nanoTime() % 251;
        RateLimiter first = new RateLimiter(jdbc, 4, clock);
        RateLimiter second = new RateLimiter(jdbc, 4, clock);
        assertThat(first.acquire(address)).isZero();
        assertThat(second.acquire(address)).isZero();
        assertThat(first.acquire(address)).isZero();
        assertThat(second.acquire(address)).isZero();
        assertThat(first.acquire(address)).as("the fifth request, on either node").isEqualTo(30);
        assertThat(second.acquire(address)).isEqualTo(30);
    }
}
