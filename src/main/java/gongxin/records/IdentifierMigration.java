package gongxin.records;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gongxin.catalog.Catalog;
import gongxin.catalog.CatalogItem;
import gongxin.platform.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encrypts the identifiers of records an earlier release stored in clear: the subject's ID number (moved to its cipher
 * and digest columns), identifier fields in the data, and the same in superseded versions; content hashes are
 * recomputed the way ingest computes them, so re-sending such a record still finds it unchanged. Runs once, at the
 * first start of this release, on one node, a thousand records per transaction; readers meanwhile see either form.
 */
@Component
class IdentifierMigration {

    private static final Logger log = LoggerFactory.getLogger(IdentifierMigration.class);
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() { };
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final IdentifierProtection identifiers;
    private final Catalog catalog;
    private final ClusterLock lock;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Set<String>> fieldsOfVersion = new HashMap<>();

    IdentifierMigration(JdbcClient jdbc, TransactionTemplate transactions, IdentifierProtection identifiers,
                        Catalog catalog, ClusterLock lock, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.identifiers = identifiers;
        this.catalog = catalog;
        this.lock = lock;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void atStart() {
        lock.runExclusively("records-identifier-migration", () -> {
            run();
            return null;
        });
    }

    /** Encrypts whatever is still in clear; returns how many records and versions it changed. */
    int run() {
        boolean done = jdbc.sql("select identifiers_encrypted is not null from records.protection_state where id = 1")
                .query(Boolean.class).single();
        if (done) {
            return 0;
        }
        long start = System.nanoTime();
        int changed = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Map<String, Object>> rows = jdbc.sql("""
                    select id, item_code, item_version, subject_id_number, data::text as data from records.record
                     where id > :after order by id limit :chunk""").param("after", from).param("chunk", CHUNK)
                    .query().listOfRows();
            if (rows.isEmpty()) {
                break;
            }
            changed += transactions.execute(status -> {
                int n = 0;
                for (Map<String, Object> row : rows) {
                    n += record(row) ? 1 : 0;
                }
                return n;
            });
            after = ((Number) rows.get(rows.size() - 1).get("id")).longValue();
        }
        changed += transactions.execute(status -> versions());
        jdbc.sql("update records.protection_state set identifiers_encrypted = :now where id = 1")
                .param("now", Timestamp.from(clock.instant())).update();
        if (changed > 0) {
            log.info("Encrypted the identifiers of {} records and versions stored by an earlier release in {} ms", changed,
                    (System.nanoTime() - start) / 1_000_000);
        }
        return changed;
    }

    private boolean record(Map<String, Object> row) {
        String clear = (String) row.get("subject_id_number");
        Map<String, String> data = json.readValue((String) row.get("data"), STRING_MAP);
        IdentifierProtection.Fields fields = identifiers.protect(
                fieldsOf((String) row.get("item_code"), ((Number) row.get("item_version")).intValue()), data);
        if (clear == null && fields.stored() == data) {
            return false;
        }
        jdbc.sql("""
                update records.record set subject_id_cipher = coalesce(:cipher, subject_id_cipher),
                       subject_id_digest = coalesce(:digest, subject_id_digest), subject_id_number = null,
                       data = cast(:data as json), content_hash = sha256(convert_to(:hashed, 'UTF8'))
                 where id = :id""")
                .param("cipher", identifiers.encrypt(clear)).param("digest", identifiers.digest(clear))
                .param("data", CanonicalJson.json(fields.stored())).param("hashed", CanonicalJson.json(fields.hashed()))
                .param("id", row.get("id")).update();
        return true;
    }

    private int versions() {
        List<Map<String, Object>> rows = jdbc.sql("""
                select record_id, version, snapshot::text as snapshot from records.record_version
                 where snapshot ->> 'subject_id_number' is not null
                    or snapshot::text ~ '[0-9]{17}[0-9Xx]'""").query().listOfRows();
        int n = 0;
        for (Map<String, Object> row : rows) {
            Map<String, Object> snapshot = json.readValue((String) row.get("snapshot"), OBJECT_MAP);
            Object clear = snapshot.remove("subject_id_number");
            if (clear instanceof String id) {
                snapshot.put("subject_id_cipher", identifiers.encrypt(id));
                snapshot.put("subject_id_digest", identifiers.digest(id));
            }
            if (snapshot.get("data") instanceof Map<?, ?> raw) {
                Map<String, String> data = new HashMap<>();
                raw.forEach((k, v) -> data.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
                snapshot.put("data", identifiers.protect(fieldsOf(String.valueOf(snapshot.get("item_code")),
                        ((Number) snapshot.get("item_version")).intValue()), data).stored());
            }
            jdbc.sql("update records.record_version set snapshot = cast(:snapshot as jsonb) where record_id = :id and version = :version")
                    .param("snapshot", json.writeValueAsString(snapshot)).param("id", row.get("record_id"))
                    .param("version", row.get("version")).update();
            n++;
        }
        return n;
    }

    private Set<String> fieldsOf(String itemCode, int version) {
        return fieldsOfVersion.computeIfAbsent(itemCode + "@" + version,
                k -> catalog.version(itemCode, version).map(CatalogItem::identifierFields).orElse(Set.of()));
    }
}
