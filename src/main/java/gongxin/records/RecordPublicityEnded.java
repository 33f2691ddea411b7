package gongxin.records;

import java.time.LocalDate;

/** A record's publicity window ended: it is no longer published nor used as dishonesty. */
public record RecordPublicityEnded(long recordId, String itemCode, LocalDate windowEnd) {
}
