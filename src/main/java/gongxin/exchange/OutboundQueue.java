package gongxin.exchange;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import gongxin.entries.CreditEntries;
import gongxin.entries.CreditEntriesChanged;
import gongxin.entries.EntryDetail;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Queues for the province every entry a change names, as the entry now stands: the change's event is stored by Spring
 * Modulith's event publication registry in the producer's own transaction, and this listener completes it once the
 * items are queued, so a node that dies in between queues them when the event is published again (ADR 0025). An item
 * is queued only when the entry's content changed since its last version, so a repeated event queues nothing. A
 * minor's entries are not pushed (Administrative Penalty Law art. 30; they are never published either).
 */
@Component
class OutboundQueue {

    private static final int CHUNK = 2000;

    private final CreditEntries entries;
    private final gongxin.evaluation.Grades grades;
    private final gongxin.subjects.Subjects subjects;
    private final OutboundRepository repository;
    private final ExchangeProperties properties;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate chunkTransactions;
    private final int chunkSize;
    /** The chunk writer's thread; null when queueing runs on the committing thread (tests). */
    private final java.util.concurrent.Executor writer;

    @org.springframework.beans.factory.annotation.Autowired
    OutboundQueue(CreditEntries entries, gongxin.evaluation.Grades grades, gongxin.subjects.Subjects subjects,
                  OutboundRepository repository, ExchangeProperties properties, Clock clock,
                  org.springframework.transaction.PlatformTransactionManager transactions,
                  @org.springframework.beans.factory.annotation.Qualifier(ExchangeConfiguration.QUEUE_WRITING)
                  java.util.concurrent.Executor writer) {
        this(entries, grades, subjects, repository, properties, clock, transactions,
                properties.queueAsync() ? writer : null, CHUNK);
    }

    /** With a chunk writer (null: none) and a chunk size of one's own (tests). */
    OutboundQueue(CreditEntries entries, gongxin.evaluation.Grades grades, gongxin.subjects.Subjects subjects,
                  OutboundRepository repository, ExchangeProperties properties, Clock clock,
                  org.springframework.transaction.PlatformTransactionManager transactions,
                  java.util.concurrent.Executor writer, int chunkSize) {
        this.writer = writer;
        this.chunkSize = chunkSize;
        this.entries = entries;
        this.grades = grades;
        this.subjects = subjects;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.chunkTransactions = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.chunkTransactions.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @org.springframework.core.annotation.Order(CreditEntriesChanged.Consumers.EXCHANGE)
    @Async(ExchangeConfiguration.QUEUEING)
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CreditEntriesChanged event) {
        if (!properties.pushing()) {
            return;
        }
        Chunks chunks = new Chunks();
        try {
            entries.changed(event, EntryDetail.FULL, e -> {
                if (!e.minor()) {
                    chunks.add(OutboundItem.of(e));
                }
            });
            chunks.flush();
        } finally {
            chunks.written();
        }
    }

    /** Grades that changed: each subject's grade as a new version of its {@code GRADE} item (issue 23). */
    @Async(ExchangeConfiguration.QUEUEING)
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(gongxin.evaluation.GradesChanged event) {
        if (!properties.pushing() || event.subjectIds().isEmpty()) {
            return;
        }
        Chunks chunks = new Chunks();
        try {
            for (int from = 0; from < event.subjectIds().size(); from += CHUNK) {
                List<Long> ids = event.subjectIds().subList(from, Math.min(event.subjectIds().size(), from + CHUNK));
                java.util.Map<Long, gongxin.evaluation.Grades.SubjectGrade> current = grades.current(ids);
                java.util.Map<Long, gongxin.subjects.SubjectCard> cards = subjects.cards(ids);
                for (long id : ids) {
                    if (current.containsKey(id) && cards.containsKey(id)) {
                        chunks.add(OutboundItem.grade(cards.get(id), current.get(id)));
                    }
                }
            }
            chunks.flush();
        } finally {
            chunks.written();
        }
    }

    /**
     * One listener's items, queued a chunk at a time. Each chunk commits on its own, so that the sender starts on a
     * large batch's first items while the rest are being queued; if the node dies in between, the event is published
     * again and the chunks already queued are unchanged. When queueing runs on its own thread, a chunk is written on the
     * writer's thread while the listener reads and builds the next one (one chunk ahead at most, in order). The
     * listener returns, and its event completes, only once every chunk is written; a chunk that fails makes it fail.
     */
    private final class Chunks {

        private List<OutboundItem> items = new ArrayList<>();
        private java.util.concurrent.CompletableFuture<Void> writing;

        void add(OutboundItem item) {
            items.add(item);
            if (items.size() >= chunkSize) {
                flush();
            }
        }

        void flush() {
            if (items.isEmpty()) {
                return;
            }
            List<OutboundItem> chunk = items;
            items = new ArrayList<>();
            Runnable write = () -> chunkTransactions.executeWithoutResult(s -> {
                repository.relaxedCommit();
                repository.queue(chunk, clock.instant());
            });
            if (writer == null) {
                write.run();
                return;
            }
            written();
            writing = java.util.concurrent.CompletableFuture.runAsync(write, writer);
        }

        /** Waits for the chunk being written, if any, and raises its failure. */
        void written() {
            java.util.concurrent.CompletableFuture<Void> last = writing;
            writing = null;
            if (last != null) {
                last.join();
            }
        }
    }
}
