package gongxin.records;

import java.util.UUID;

/**
 * A batch of records was stored: {@code created} new records and {@code corrected} new versions, all carrying the
 * batch id ({@link Records#changesOf} streams them). One event per batch, not per record, so that a million-row file
 * does not become a million events.
 */
public record RecordsIngested(UUID batchId, String itemCode, int created, int corrected) {
}
