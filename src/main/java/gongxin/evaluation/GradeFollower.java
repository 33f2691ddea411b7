package gongxin.evaluation;

import java.util.ArrayList;
import java.util.List;

import gongxin.entries.CreditEntries;
import gongxin.entries.CreditEntriesChanged;
import gongxin.entries.EntryDetail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps grades current: a change of any subject's entries queues the subject (after the producer's transaction
 * commits, registered in the event publication registry), and every node's worker grades what is queued about once a
 * second (SKIP LOCKED: no subject twice at once). Once a day the subjects whose grade changes with time (an entry's
 * window ends, a look-back passes) are queued too.
 */
@Component
class GradeFollower {

    /** A change of at most this many entries is graded before the subjects of larger batches still queued. */
    static final int PROMPT = 1_000;

    private final CreditEntries entries;
    private final Evaluations evaluations;
    private final boolean working;

    /**
     * @param working whether this node grades in the background ({@code gongxin.evaluation.worker}); tests that grade
     *                themselves turn it off, so that what they see does not depend on when a worker ran
     */
    GradeFollower(CreditEntries entries, Evaluations evaluations,
                  @org.springframework.beans.factory.annotation.Value("${gongxin.evaluation.worker:true}") boolean working) {
        this.entries = entries;
        this.evaluations = evaluations;
        this.working = working;
    }

    @org.springframework.core.annotation.Order(CreditEntriesChanged.Consumers.GRADE_QUEUE)
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CreditEntriesChanged event) {
        List<Long> subjects = new ArrayList<>();
        entries.changed(event, EntryDetail.MEASURES, e -> subjects.add(e.subjectId()));
        boolean prompt = subjects.size() <= PROMPT;
        for (int from = 0; from < subjects.size(); from += 10_000) {
            evaluations.enqueue(subjects.subList(from, Math.min(subjects.size(), from + 10_000)), prompt);
        }
    }

    @Scheduled(fixedDelayString = "${gongxin.evaluation.worker-delay:PT1S}", initialDelayString = "PT5S")
    void work() {
        if (working) {
            evaluations.drain();
        }
    }

    @Scheduled(cron = "${gongxin.evaluation.daily-cron:0 10 0 * * *}", zone = "${gongxin.zone:Asia/Shanghai}")
    void daily() {
        if (!working) {
            return;
        }
        evaluations.enqueueDue();
    }
}
