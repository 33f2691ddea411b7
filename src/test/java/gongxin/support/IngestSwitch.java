package gongxin.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import gongxin.records.Outcome;
import gongxin.records.PreparedChunk;
import gongxin.records.RecordDraft;
import gongxin.records.RecordIngest;
import gongxin.records.RecordsIngested;

/**
 * Wraps the record store in integration tests so that a test can make it fail after some chunks, as a crash in the
 * middle of a large file would.
 */
public class IngestSwitch implements RecordIngest {

    private final RecordIngest delegate;
    private final AtomicInteger failAfterChunks = new AtomicInteger(-1);

    public IngestSwitch(RecordIngest delegate) {
        this.delegate = delegate;
    }

    /** The next batches fail once {@code chunks} chunks were stored. */
    public void failAfter(int chunks) {
        failAfterChunks.set(chunks);
    }

    public void reset() {
        failAfterChunks.set(-1);
    }

    @Override
    public Preparer preparer(UUID batchId, String itemCode, Instant receivedAt) {
        return delegate.preparer(batchId, itemCode, receivedAt);
    }

    @Override
    public Session open(UUID batchId, String itemCode, Instant receivedAt) {
        Session session = delegate.open(batchId, itemCode, receivedAt);
        AtomicInteger chunks = new AtomicInteger();
        return new Session() {
            @Override
            public List<Outcome> ingest(PreparedChunk chunk) {
                failIfDue();
                return session.ingest(chunk);
            }

            @Override
            public List<Outcome> ingest(List<RecordDraft> drafts) {
                failIfDue();
                return session.ingest(drafts);
            }

            private void failIfDue() {
                int limit = failAfterChunks.get();
                if (limit >= 0 && chunks.getAndIncrement() >= limit) {
                    throw new IllegalStateException("simulated crash in the middle of a batch");
                }
            }

            @Override
            public RecordsIngested finish() {
                return session.finish();
            }
        };
    }
}
