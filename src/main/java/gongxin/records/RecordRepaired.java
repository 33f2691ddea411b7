package gongxin.records;

import java.time.LocalDate;

/** Credit repair was granted for a record: it leaves the website, reports and checks at once, its history stays. */
public record RecordRepaired(long recordId, long subjectId, LocalDate repairedOn) {
}
