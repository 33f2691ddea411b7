package gongxin.records;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gongxin.catalog.Catalog;
import gongxin.catalog.CatalogItem;
import gongxin.platform.ClusterLock;
import gongxin.subjects.SubjectClaim;
import gongxin.subjects.Subjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links records an earlier release stored to their subjects, through the registry call ingest makes, a thousand
 * records per transaction, on one node, after their identifiers were encrypted ({@link IdentifierMigration}).
 * A record that identifies nobody (no code, no ID number) stays unlinked.
 */
@Component
class SubjectBackfill {

    private static final Logger log = LoggerFactory.getLogger(SubjectBackfill.class);
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final RecordRepository repository;
    private final TransactionTemplate transactions;
    private final Subjects subjects;
    private final Catalog catalog;
    private final ClusterLock lock;
    private final Map<String, CatalogItem> items = new HashMap<>();

    SubjectBackfill(JdbcClient jdbc, RecordRepository repository, TransactionTemplate transactions, Subjects subjects,
                    Catalog catalog, ClusterLock lock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.transactions = transactions;
        this.subjects = subjects;
        this.catalog = catalog;
        this.lock = lock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void atStart() {
        lock.runExclusively("records-subject-backfill", () -> {
            run();
            return null;
        });
    }

    /** Links every record without a subject that identifies one; returns how many it linked. */
    int run() {
        int linked = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<CreditRecord> records = jdbc.sql("select * from records.record where subject_id is null and id > ? order by id limit ?")
                    .params(from, CHUNK).query(repository::map).list();
            if (records.isEmpty()) {
                break;
            }
            linked += transactions.execute(status -> {
                long[] ids = subjects.resolve(records.stream().map(this::claim).toList());
                Long[] recordIds = new Long[records.size()];
                Long[] subjectIds = new Long[records.size()];
                for (int i = 0; i < ids.length; i++) {
                    recordIds[i] = records.get(i).id();
                    subjectIds[i] = ids[i] == 0 ? null : ids[i];
                }
                return jdbc.sql("""
                        update records.record r set subject_id = x.subject
                          from unnest(:records::bigint[], :subjects::bigint[]) as x(record, subject)
                         where r.id = x.record and x.subject is not null""")
                        .param("records", recordIds).param("subjects", subjectIds).update();
            });
            after = records.get(records.size() - 1).id();
        }
        if (linked > 0) {
            log.info("Linked {} records stored by an earlier release to their subjects", linked);
        }
        return linked;
    }

    private SubjectClaim claim(CreditRecord r) {
        CatalogItem item = items.computeIfAbsent(r.itemCode() + "@" + r.itemVersion(),
                k -> catalog.version(r.itemCode(), r.itemVersion()).orElse(null));
        return RecordStore.claim(item, r);
    }
}
