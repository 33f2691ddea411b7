package gongxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

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
        RateLimiter limiter = new RateLimiter(3, clock);
        assertThat(limiter.acquire("10.0.0.1")).isZero();
        assertThat(limiter.acquire("10.0.0.1")).isZero();
        assertThat(limiter.acquire("10.0.0.1")).isZero();
        assertThat(limiter.acquire("10.0.0.1")).isEqualTo(15);
        assertThat(limiter.acquire("10.0.0.2")).isZero();
        clock.now.set(clock.now.get().plus(Duration.ofSeconds(15)));
        assertThat(limiter.acquire("10.0.0.1")).isZero();
    }
}
