package gongxin.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Chunks of one projection handed to a pool of writers, each run by {@code run} (in a transaction of its own). At most
 * one more chunk than there are writers is waiting or running: the one handing over stops meanwhile, so that a large
 * batch is not held in memory. The first failure stops the handing over and is thrown by {@link #await}.
 */
final class ChunkWriters implements Consumer<Runnable> {

    private final ExecutorService writers;
    private final Consumer<Runnable> run;
    private final Semaphore slots;
    private final List<Future<?>> submitted = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    ChunkWriters(ExecutorService writers, int width, Consumer<Runnable> run) {
        this.writers = writers;
        this.run = run;
        this.slots = new Semaphore(width + 1);
    }

    /** Hands a chunk over; throws the first failure of an earlier chunk instead. */
    @Override
    public void accept(Runnable chunk) {
        throwIfFailed();
        slots.acquireUninterruptibly();
        submitted.removeIf(Future::isDone);
        submitted.add(writers.submit(() -> {
            try {
                run.accept(chunk);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                slots.release();
            }
        }));
    }

    /** Waits for every chunk handed over; throws the first failure. */
    void await() {
        for (Future<?> f : submitted) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while projecting", e);
            } catch (ExecutionException e) {
                failure.compareAndSet(null, new IllegalStateException(e.getCause()));
            }
        }
        throwIfFailed();
    }

    /** Waits for every chunk handed over, when a failure of the caller's own is the one to report. */
    void awaitQuietly() {
        try {
            await();
        } catch (RuntimeException ignored) {
            // the caller throws its own
        }
    }

    private void throwIfFailed() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
