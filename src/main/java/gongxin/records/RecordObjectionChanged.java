package gongxin.records;

import java.time.LocalDate;

/**
 * An objection to a record was received ({@code since} set) or decided ({@code since} null): read models mark the record
 * and checks suspend or resume its measures.
 */
public record RecordObjectionChanged(long recordId, long subjectId, LocalDate since) {
}
