package gongxin.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How a projection's chunks are handed to its writers (PortalProjection, ADR 0021). */
class ChunkWritersTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Nested
    class Waiting {

        @Test
        void every_chunk_handed_over_has_run_when_await_returns() {
            AtomicInteger done = new AtomicInteger();
            ChunkWriters writers = new ChunkWriters(pool, 2, Runnable::run);
            for (int i = 0; i < 50; i++) {
                writers.accept(done::incrementAndGet);
            }
            writers.await();
            assertThat(done).hasValue(50);
        }

        @Test
        @org.junit.jupiter.api.Timeout(30)
        void at_most_one_chunk_more_than_the_writers_is_waiting_or_running() throws Exception {
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger started = new AtomicInteger();
            ChunkWriters writers = new ChunkWriters(pool, 2, Runnable::run);
            Runnable blocked = () -> {
                started.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            for (int i = 0; i < 3; i++) {
                writers.accept(blocked);
            }
            while (started.get() < 2) {
                Thread.onSpinWait();
            }
            Thread fourth = new Thread(() -> writers.accept(blocked));
            fourth.start();
            // the fourth hand-over parks on the full slots, whatever the machine's speed
            while (fourth.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            assertThat(started.get()).as("two writers run, one chunk waits, the fourth is not taken").isEqualTo(2);
            release.countDown();
            fourth.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(fourth.isAlive()).isFalse();
            writers.await();
            assertThat(started).hasValue(4);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Nested
    class Failure {

        @Test
        void the_first_failure_is_thrown_by_await_after_the_other_chunks_ended() {
            AtomicInteger done = new AtomicInteger();
            CountDownLatch handedOver = new CountDownLatch(1);
            ChunkWriters writers = new ChunkWriters(pool, 2, Runnable::run);
            writers.accept(done::incrementAndGet);
            writers.accept(() -> {
                awaitQuietly(handedOver);
                throw new IllegalStateException("deadlock detected");
            });
            writers.accept(done::incrementAndGet);
            handedOver.countDown();
            assertThatThrownBy(writers::await).isInstanceOf(IllegalStateException.class).hasMessage("deadlock detected");
            assertThat(done).hasValue(2);
        }

        @Test
        void a_chunk_handed_over_after_a_failure_is_refused_with_it() {
            ChunkWriters writers = new ChunkWriters(pool, 1, Runnable::run);
            writers.accept(() -> {
                throw new IllegalStateException("first");
            });
            assertThatThrownBy(writers::await).hasMessage("first");
            AtomicInteger ran = new AtomicInteger();
            assertThatThrownBy(() -> writers.accept(ran::incrementAndGet)).hasMessage("first");
            assertThat(ran).hasValue(0);
        }

        @Test
        void await_quietly_waits_and_throws_nothing() {
            AtomicInteger done = new AtomicInteger();
            CountDownLatch handedOver = new CountDownLatch(1);
            ChunkWriters writers = new ChunkWriters(pool, 2, Runnable::run);
            writers.accept(() -> {
                awaitQuietly(handedOver);
                throw new IllegalStateException("writer");
            });
            writers.accept(done::incrementAndGet);
            handedOver.countDown();
            writers.awaitQuietly();
            assertThat(done).hasValue(1);
        }
    }
}
