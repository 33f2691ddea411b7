package gongxin.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import gongxin.records.RecordsIngested;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Lets a test wait for a background batch (completes when the batch's records are committed) and see the record
 * events committed by request threads.
 */
public class BatchCompletions {

    private final Map<UUID, CompletableFuture<RecordsIngested>> batches = new ConcurrentHashMap<>();
    private final java.util.Set<Long> revoked = ConcurrentHashMap.newKeySet();

    @TransactionalEventListener
    public void committed(gongxin.records.RecordRevoked event) {
        revoked.add(event.recordId());
    }

    /** Whether a revocation of {@code recordId} was announced and committed. */
    public boolean revoked(long recordId) {
        return revoked.contains(recordId);
    }

    @TransactionalEventListener
    public void committed(RecordsIngested event) {
        future(event.batchId()).complete(event);
    }

    /** Waits for the batch's commit (bounded, so that a broken test fails instead of hanging). */
    public RecordsIngested await(UUID batchId) {
        try {
            return future(batchId).get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("batch " + batchId + " did not complete", e);
        }
    }

    private CompletableFuture<RecordsIngested> future(UUID batchId) {
        return batches.computeIfAbsent(batchId, id -> new CompletableFuture<>());
    }
}
