package gongxin.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for another process (a node in a JVM of its own) to make a condition true. */
public final class Eventually {

    private Eventually() {
    }

    /** Polls {@code condition}; fails the test after {@code limit}, saying what it waited for. */
    public static void eventually(Duration limit, BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("waited " + limit + " for " + what.get());
            }
            Thread.sleep(50);
        }
    }
}
