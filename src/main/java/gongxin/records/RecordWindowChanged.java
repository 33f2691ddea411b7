package gongxin.records;

import java.time.LocalDate;

/**
 * A record's publicity window or status changed without a new version: a rule set more favourable to subjects took
 * effect (shorter window, or no longer published by default). Read models take the new last day and status.
 *
 * @param windowEnd the new last day
 * @param notPublishedReason why it is not published, when it is not
 */
public record RecordWindowChanged(long recordId, LocalDate windowEnd, RecordStatus status, NotPublishedReason notPublishedReason) {
}
