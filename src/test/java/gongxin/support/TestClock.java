package gongxin.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests can move: time passes only when a test says so. */
public class TestClock extends Clock {

    public static final Instant START = Instant.parse("2026-11-24T02:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final ZoneId zone;

    public TestClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration duration) {
        now.updateAndGet(i -> i.plus(duration));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        TestClock clock = new TestClock(other);
        clock.set(instant());
        return clock;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
