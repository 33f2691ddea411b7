package gongxin.screening;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gongxin.catalog.Catalog;
import gongxin.lists.ListEntries;
import gongxin.lists.ListEntryChanged;
import gongxin.platform.ClusterLock;
import gongxin.records.RecordPublicityEnded;
import gongxin.records.RecordRevoked;
import gongxin.records.RecordWindowChanged;
import gongxin.records.Records;
import gongxin.records.RecordsIngested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The checks' own index of hits, kept from records' and lists' events after their transactions commit (registered in
 * the event publication registry like the website's projection), so that a check reads one indexed table and never
 * scans records. Rows are never deleted when a hit stops counting: its last day is set, so that a check "as of" an
 * earlier day answers as the platform would have then. Changes of watched subjects go to the change feed.
 */
@Component
class CheckIndex {

    private static final Logger log = LoggerFactory.getLogger(CheckIndex.class);
    private static final int CHUNK = 2000;

    private final JdbcClient jdbc;
    private final Records records;
    private final ListEntries listEntries;
    private final Catalog catalog;
    private final ClusterLock lock;
    private final Clock clock;

    private final org.springframework.transaction.support.TransactionTemplate transactions;

    CheckIndex(JdbcClient jdbc, Records records, ListEntries listEntries, Catalog catalog, ClusterLock lock, Clock clock,
               org.springframework.transaction.support.TransactionTemplate transactions) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.records = records;
        this.listEntries = listEntries;
        this.catalog = catalog;
        this.lock = lock;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordsIngested event) {
        RecordWriter writer = new RecordWriter();
        records.dishonestyOf(event.batchId(), writer);
        writer.flush();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordRevoked event) {
        LocalDate day = event.revokedAt().atZone(clock.getZone()).toLocalDate();
        List<Long> subjects = jdbc.sql("""
                update screening.hit set valid_to = least(coalesce(valid_to, :day), :day), ended_reason = 'REVOKED', updated_at = :now
                 where kind = 'RECORD' and source_id = :id returning subject_id""")
                .param("day", day).param("now", Timestamp.from(clock.instant())).param("id", event.recordId())
                .query(Long.class).list();
        subjects.forEach(s -> change(s, "RECORD_REVOKED", Hit.Kind.RECORD, event.recordId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordPublicityEnded event) {
        List<Long> subjects = jdbc.sql("""
                update screening.hit set ended_reason = 'PUBLICITY_ENDED', updated_at = :now
                 where kind = 'RECORD' and source_id = :id and ended_reason is null returning subject_id""")
                .param("now", Timestamp.from(clock.instant())).param("id", event.recordId()).query(Long.class).list();
        subjects.forEach(s -> change(s, "RECORD_ENDED", Hit.Kind.RECORD, event.recordId()));
    }

    /** Credit repair was granted: the record stops counting that day (一次申请、同步修复); clients that checked it are told. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(gongxin.records.RecordRepaired event) {
        List<Long> subjects = jdbc.sql("""
                update screening.hit set valid_to = least(coalesce(valid_to, :day), :day), ended_reason = 'REPAIRED',
                       objection_since = null, updated_at = :now
                 where kind = 'RECORD' and source_id = :id returning subject_id""")
                .param("day", event.repairedOn()).param("now", Timestamp.from(clock.instant())).param("id", event.recordId())
                .query(Long.class).list();
        subjects.forEach(s -> change(s, "RECORD_REPAIRED", Hit.Kind.RECORD, event.recordId()));
    }

    /** An objection suspends the record's measures from the day it was received until it is decided (NDRC Order 36). */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(gongxin.records.RecordObjectionChanged event) {
        List<Long> subjects = jdbc.sql("""
                update screening.hit set objection_since = :since, updated_at = :now
                 where kind = 'RECORD' and source_id = :id returning subject_id""")
                .param("since", event.since()).param("now", Timestamp.from(clock.instant())).param("id", event.recordId())
                .query(Long.class).list();
        subjects.forEach(s -> change(s, event.since() != null ? "OBJECTION_OPENED" : "OBJECTION_CLOSED", Hit.Kind.RECORD,
                event.recordId()));
    }

    /** A more favourable rule set shortened a record's window: it stops counting the day after its new last day. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordWindowChanged event) {
        jdbc.sql("""
                update screening.hit set valid_to = :to, updated_at = :now
                 where kind = 'RECORD' and source_id = :id and (ended_reason is null or ended_reason <> 'REVOKED')""")
                .param("to", event.windowEnd() == null ? null : event.windowEnd().plusDays(1))
                .param("now", Timestamp.from(clock.instant())).param("id", event.recordId()).update();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ListEntryChanged event) {
        String kind = project(event.entryId());
        change(event.subjectId(), kind, Hit.Kind.LIST_ENTRY, event.entryId());
    }

    /** Builds the index from records and list entries when it was never built (a database of an earlier release). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    public void buildIfNeeded() {
        lock.runExclusively("check-index-build", () -> transactions.execute(status -> {
            if (jdbc.sql("select exists (select 1 from screening.index_state)").query(Boolean.class).single()) {
                return null;
            }
            RecordWriter writer = new RecordWriter();
            records.eachDishonesty(writer);
            writer.flush();
            List<Long> entries = listEntries.allIds();
            entries.forEach(this::project);
            jdbc.sql("insert into screening.index_state (id, built_at) values (1, ?)").param(Timestamp.from(clock.instant())).update();
            if (writer.written > 0 || !entries.isEmpty()) {
                log.info("Check index built: {} dishonesty records, {} list entries", writer.written, entries.size());
            }
            return null;
        }));
    }

    /** Upserts a list entry's hit; what happened to it, for the change feed. */
    private String project(long entryId) {
        ListEntries.Entry e = listEntries.find(entryId).orElseThrow();
        LocalDate validTo = e.endsOn().plusDays(1);
        String ended = null;
        if (e.removedOn() != null) {
            validTo = e.removedOn();
            ended = "REMOVED:" + e.removalReason();
        } else if (e.flaggedOn() != null) {
            validTo = e.flaggedOn();
            ended = "FLAGGED";
        }
        jdbc.sql("""
                insert into screening.hit (kind, source_id, subject_id, code, list_kind, title, document_number, department_code,
                                           decided_on, minor, valid_from, valid_to, ended_reason, updated_at)
                values ('LIST_ENTRY', :id, :subject, :code, :listKind, :title, :document, :department, :decided, false,
                        :from, :to, :ended, :now)
                on conflict (kind, source_id) do update set subject_id = excluded.subject_id, title = excluded.title,
                    document_number = excluded.document_number, valid_from = excluded.valid_from,
                    valid_to = excluded.valid_to, ended_reason = excluded.ended_reason, updated_at = excluded.updated_at""")
                .param("id", e.id()).param("subject", e.subjectId()).param("code", e.listType()).param("listKind", e.kind())
                .param("title", e.listName()).param("document", e.documentNumber()).param("department", e.department())
                .param("decided", e.listedOn()).param("from", e.listedOn()).param("to", validTo).param("ended", ended)
                .param("now", Timestamp.from(clock.instant())).update();
        return ended == null ? "LISTED" : ended.startsWith("REMOVED") ? "REMOVED" : "FLAGGED";
    }

    private void change(long subjectId, String kind, Hit.Kind hitKind, long hitId) {
        jdbc.sql("""
                insert into screening.change (subject_id, kind, hit_kind, hit_id, at)
                select :subject, :kind, :hitKind, :hit, :now where exists (select 1 from screening.watch where subject_id = :subject)""")
                .param("subject", subjectId).param("kind", kind).param("hitKind", hitKind.name()).param("hit", hitId)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** Writes dishonesty records in chunks, one statement each; drops records that are no longer dishonesty. */
    private final class RecordWriter implements java.util.function.Consumer<Records.DishonestyRecord> {
        private final List<Records.DishonestyRecord> chunk = new ArrayList<>();
        private final Map<String, String> titles = new HashMap<>();
        long written;

        @Override
        public void accept(Records.DishonestyRecord r) {
            chunk.add(r);
            if (chunk.size() >= CHUNK) {
                flush();
            }
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            java.util.function.Predicate<Records.DishonestyRecord> indexed = r -> (r.dishonest() || r.exclusion() != null)
                    && r.subjectId() != 0;
            List<Records.DishonestyRecord> kept = chunk.stream().filter(indexed).toList();
            List<Long> dropped = chunk.stream().filter(indexed.negate()).map(Records.DishonestyRecord::id).toList();
            if (!dropped.isEmpty()) {
                jdbc.sql("delete from screening.hit where kind = 'RECORD' and source_id = any(:ids)")
                        .param("ids", dropped.toArray(Long[]::new)).update();
            }
            if (!kept.isEmpty()) {
                int n = kept.size();
                Long[] ids = new Long[n];
                Long[] subjects = new Long[n];
                String[] codes = new String[n];
                String[] names = new String[n];
                String[] documents = new String[n];
                String[] departments = new String[n];
                String[] decided = new String[n];
                String[] severities = new String[n];
                Boolean[] minors = new Boolean[n];
                String[] ends = new String[n];
                String[] reasons = new String[n];
                String[] exemptions = new String[n];
                String[] objections = new String[n];
                for (int i = 0; i < n; i++) {
                    Records.DishonestyRecord r = kept.get(i);
                    ids[i] = r.id();
                    subjects[i] = r.subjectId();
                    codes[i] = r.itemCode();
                    names[i] = titles.computeIfAbsent(r.itemCode(), code -> catalog.history(code).stream().findFirst()
                            .map(item -> item.name()).orElse(code));
                    documents[i] = r.decisionNumber();
                    departments[i] = r.departmentCode();
                    decided[i] = r.decisionDate().toString();
                    severities[i] = r.severity();
                    minors[i] = r.minor();
                    // valid_to is the first day it no longer counts: the day of revocation, or the day after the last one
                    LocalDate end = r.revokedOn() != null ? r.revokedOn() : r.repairedOn() != null ? r.repairedOn()
                            : r.windowEnd() == null ? null : r.windowEnd().plusDays(1);
                    ends[i] = end == null ? null : end.toString();
                    exemptions[i] = r.dishonest() ? null : r.exclusion();
                    reasons[i] = r.revokedOn() != null ? "REVOKED" : r.repairedOn() != null ? "REPAIRED"
                            : r.status().name().equals("PUBLICITY_ENDED") ? "PUBLICITY_ENDED" : null;
                    objections[i] = r.objectionSince() == null ? null : r.objectionSince().toString();
                }
                jdbc.sql("""
                        insert into screening.hit (kind, source_id, subject_id, code, title, document_number, department_code,
                                                   decided_on, severity, minor, valid_from, valid_to, ended_reason, exemption,
                                                   objection_since, updated_at)
                        select 'RECORD', x.id, x.subject, x.code, x.title, x.document, x.department, x.decided::date, x.severity,
                               x.minor, x.decided::date, x.ends::date, x.reason, x.exemption, x.objection::date, :now
                          from unnest(:ids::bigint[], :subjects::bigint[], :codes::text[], :titles::text[], :documents::text[],
                                      :departments::text[], :decided::text[], :severities::text[], :minors::boolean[],
                                      :ends::text[], :reasons::text[], :exemptions::text[], :objections::text[])
                               as x(id, subject, code, title, document, department, decided, severity, minor, ends, reason, exemption,
                                    objection)
                        on conflict (kind, source_id) do update set subject_id = excluded.subject_id, code = excluded.code,
                            title = excluded.title, document_number = excluded.document_number,
                            department_code = excluded.department_code, decided_on = excluded.decided_on,
                            severity = excluded.severity, minor = excluded.minor, valid_from = excluded.valid_from,
                            valid_to = excluded.valid_to, ended_reason = excluded.ended_reason, exemption = excluded.exemption,
                            objection_since = excluded.objection_since, updated_at = excluded.updated_at""")
                        .param("exemptions", exemptions).param("objections", objections).param("ids", ids).param("subjects", subjects).param("codes", codes).param("titles", names)
                        .param("documents", documents).param("departments", departments).param("decided", decided)
                        .param("severities", severities).param("minors", minors).param("ends", ends).param("reasons", reasons)
                        .param("now", Timestamp.from(clock.instant())).update();
                jdbc.sql("""
                        insert into screening.change (subject_id, kind, hit_kind, hit_id, at)
                        select x.subject, 'RECORD_ADDED', 'RECORD', x.id, :now
                          from unnest(:ids::bigint[], :subjects::bigint[]) as x(id, subject)
                         where exists (select 1 from screening.watch w where w.subject_id = x.subject)""")
                        .param("ids", ids).param("subjects", subjects).param("now", Timestamp.from(clock.instant())).update();
                written += n;
            }
            chunk.clear();
        }
    }

    /** The hits of these subjects, whatever their days (the evaluation picks the day). */
    List<Hit> hitsOf(List<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from screening.hit where subject_id = any(:ids) order by decided_on desc, kind, source_id")
                .param("ids", subjectIds.toArray(Long[]::new)).query(CheckIndex::hit).list();
    }

    private static Hit hit(ResultSet rs, int n) throws SQLException {
        Date to = rs.getDate("valid_to");
        Date objection = rs.getDate("objection_since");
        return new Hit(Hit.Kind.valueOf(rs.getString("kind")), rs.getLong("source_id"), rs.getLong("subject_id"),
                rs.getString("code"), rs.getString("list_kind"), rs.getString("title"), rs.getString("document_number"),
                rs.getString("department_code"), rs.getDate("decided_on").toLocalDate(), rs.getString("severity"),
                rs.getBoolean("minor"), rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate(),
                rs.getString("ended_reason"), objection == null ? null : objection.toLocalDate(), false, rs.getString("exemption"));
    }
}
