package gongxin.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A subject's query history for other modules (the SPECIAL report's section 查询记录). */
public interface QueryRecords {

    /**
     * One non-public read of the subject.
     *
     * @param channel {@code QUERY}, {@code CHECK}, {@code REPORT}, {@code LOOKUP}, {@code EVALUATION}
     * @param outcome {@code ANSWERED} or {@code REFUSED}
     */
    record Line(Instant at, String department, String channel, String matter, String outcome) {
    }

    /** The newest reads of a subject, at most {@code limit}, without those still restricted on {@code today}. */
    List<Line> of(long subjectId, LocalDate today, int limit);
}
