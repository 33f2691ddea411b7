package gongxin.records;

import java.util.List;
import java.util.UUID;

import gongxin.subjects.SubjectClaim;

/**
 * A chunk of drafts made ready for storing by a {@link RecordIngest.Preparer}: for each draft its natural key, its
 * stored JSON and content hash, its subject claim and its {@code COPY} row but for the subject's id (known only once
 * the subject registry answered, in the batch's transaction).
 */
public final class PreparedChunk {

    final UUID batchId;
    final List<RecordDraft> drafts;
    final String[] keys;
    final long[] keyHashes;
    final byte[][] hashes;
    final byte[][] json;
    final SubjectClaim[] claims;
    final CopyBinary rows;
    final int[] rowStart;
    final int[] rowEnd;

    PreparedChunk(UUID batchId, List<RecordDraft> drafts) {
        this.batchId = batchId;
        this.drafts = List.copyOf(drafts);
        int n = drafts.size();
        this.keys = new String[n];
        this.keyHashes = new long[n];
        this.hashes = new byte[n][];
        this.json = new byte[n][];
        this.claims = new SubjectClaim[n];
        this.rows = CopyBinary.withoutHeader();
        this.rowStart = new int[n];
        this.rowEnd = new int[n];
    }

    public List<RecordDraft> drafts() {
        return drafts;
    }

    public int size() {
        return drafts.size();
    }
}
