package gongxin.records;

import java.time.Instant;
import java.util.List;
import java.util.UUID;


/**
 * How collection hands validated records over, in chunks, inside one transaction that it owns: a batch is stored
 * entirely or not at all.
 */
public interface RecordIngest {

    /** Starts storing one batch of one catalog item; the session caches rule sets, deadlines and the calendar. */
    Session open(UUID batchId, String itemCode, Instant receivedAt);

    /**
     * Prepares the chunks of one batch on the caller's thread: the part of storing a record that needs no database
     * (identifier encryption, canonical JSON, content hash, lifecycle, timeliness, the {@code COPY} row). A batch
     * read on one thread and stored on another prepares on the reading one, so that this work overlaps the database's.
     * A preparer keeps caches: one per thread.
     */
    Preparer preparer(UUID batchId, String itemCode, Instant receivedAt);

    interface Preparer {
        PreparedChunk prepare(List<RecordDraft> drafts);
    }

    interface Session {

        /** Stores a chunk; answers one outcome per draft, in order. Must run in the caller's transaction. */
        List<Outcome> ingest(PreparedChunk chunk);

        /** Prepares and stores a chunk on this thread. */
        List<Outcome> ingest(List<RecordDraft> drafts);

        /** Announces the batch's changes to other modules ({@link RecordsIngested}); returns the totals. */
        RecordsIngested finish();
    }
}
