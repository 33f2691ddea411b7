package gongxin.sharing;

import java.time.Clock;

import gongxin.audit.SubjectsRead;
import gongxin.identity.Caller;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who queried me: every non-public read about a subject that another module announces (a check, a SPECIAL report, a
 * look-up, a grade read…) becomes a line of the subject's query history, in the reader's own transaction, with who
 * read it (the caller and its department), for which matter and purpose (Shenzhen: query records kept at least five
 * years with time, querier and purpose; Shanghai, Henan: reports carry the query history).
 */
@Component
class QueryHistory implements QueryRecords {

    private final SharingRepository repository;
    private final Clock clock;

    QueryHistory(SharingRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public java.util.List<Line> of(long subjectId, java.time.LocalDate today, int limit) {
        return repository.history(subjectId, today, 0, limit).stream()
                .map(r -> new Line(r.at(), r.department(), r.channel(), r.matter(), r.outcome())).toList();
    }

    @EventListener
    void on(SubjectsRead read) {
        Caller caller = Caller.current();
        repository.recordAll(read.subjectIds(), read.channel(), caller.departmentCode(), caller.name(), read.matter(), read.purpose(),
                clock.instant());
    }
}
