package gongxin.records;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import gongxin.entries.CreditEntriesChanged;
import gongxin.entries.EntryChange;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryRef;
import gongxin.platform.ClusterLock;
import gongxin.shared.IdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the age rule to records an earlier release published: a natural person without a mainland ID number could
 * have been a minor on the decision date, so the record stops being published (NOT_PUBLISHED, AGE_UNKNOWN) until a
 * number that tells the age arrives, as ingest does for new records (credit-rules §10). Runs once, on one node; the
 * website and checks follow through {@link RecordWindowChanged}.
 */
@Component
class AgeUnknownBackfill {

    private static final Logger log = LoggerFactory.getLogger(AgeUnknownBackfill.class);
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final RecordRepository repository;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ClusterLock lock;
    private final Clock clock;

    AgeUnknownBackfill(JdbcClient jdbc, RecordRepository repository, TransactionTemplate transactions,
                       ApplicationEventPublisher events, ClusterLock lock, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.transactions = transactions;
        this.events = events;
        this.lock = lock;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    void atStart() {
        lock.runExclusively("records-age-unknown", () -> {
            boolean pending = jdbc.sql("select exists (select 1 from records.backfill where name = 'age-unknown' and done_at is null)")
                    .query(Boolean.class).single();
            if (pending) {
                int n = run();
                jdbc.sql("update records.backfill set done_at = ?, records = ? where name = 'age-unknown'")
                        .params(Timestamp.from(clock.instant()), n).update();
            }
            return null;
        });
    }

    /** Stops publishing every published natural person's record without a valid mainland ID number; how many. */
    int run() {
        int changed = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<CreditRecord> records = jdbc.sql("""
                    select * from records.record
                     where subject_category = 'NATURAL_PERSON' and status = 'PUBLISHED' and id > ? order by id limit ?""")
                    .params(from, CHUNK).query(repository::map).list();
            if (records.isEmpty()) {
                break;
            }
            List<CreditRecord> unknown = records.stream()
                    .filter(r -> r.subjectIdNumber() == null || !IdNumber.check(r.subjectIdNumber()).valid()).toList();
            if (!unknown.isEmpty()) {
                changed += transactions.execute(status -> {
                    Instant now = clock.instant();
                    for (CreditRecord r : unknown) {
                        jdbc.sql("""
                                update records.record set status = 'NOT_PUBLISHED', not_published_reason = 'AGE_UNKNOWN',
                                       updated_at = ? where id = ?""").params(Timestamp.from(now), r.id()).update();
                        repository.transition(r.id(), now, "AGE_UNKNOWN", r.status(), RecordStatus.NOT_PUBLISHED, r.version(),
                                "system", null);
                        events.publishEvent(new RecordWindowChanged(r.id(), r.windowEnd(), RecordStatus.NOT_PUBLISHED,
                                NotPublishedReason.AGE_UNKNOWN));
                        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.RECORD, r.id()), EntryChange.WINDOW_CHANGED));
                    }
                    return unknown.size();
                });
            }
            after = records.get(records.size() - 1).id();
        }
        if (changed > 0) {
            log.info("Stopped publishing {} records of natural persons whose age cannot be known", changed);
        }
        return changed;
    }
}
