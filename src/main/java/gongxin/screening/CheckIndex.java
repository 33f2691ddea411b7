package gongxin.screening;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import gongxin.entries.CreditEntries;
import gongxin.entries.CreditEntriesChanged;
import gongxin.entries.CreditEntry;
import gongxin.entries.EntryCategory;
import gongxin.entries.EntryChange;
import gongxin.entries.EntryDetail;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryNature;
import gongxin.platform.ClusterLock;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The checks' own index of hits, kept from the credit entries' changes after their producers' transactions commit
 * (registered in the event publication registry like the website's projection), so that a check reads one indexed
 * table and never scans a producer. Whatever produced an entry, it is indexed the same way. Rows are never deleted when
 * a hit stops counting: its last day is set, so that a check "as of" an earlier day answers as the platform would have
 * then. Changes of watched subjects go to the change feed.
 */
@Component
class CheckIndex {

    private static final Logger log = LoggerFactory.getLogger(CheckIndex.class);
    private static final int CHUNK = 2000;

    private final JdbcClient jdbc;
    private final CreditEntries entries;
    private final ClusterLock lock;
    private final Clock clock;
    private final TransactionTemplate transactions;

    CheckIndex(JdbcClient jdbc, CreditEntries entries, ClusterLock lock, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.entries = entries;
        this.lock = lock;
        this.clock = clock;
        this.transactions = transactions;
    }

    @org.springframework.core.annotation.Order(CreditEntriesChanged.Consumers.CHECK_INDEX)
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CreditEntriesChanged event) {
        Writer writer = new Writer(event.change().told() ? event.change() : null);
        entries.changed(event, EntryDetail.MEASURES, writer);
        writer.flush();
    }

    /** Builds the index from every producer's entries when it was never built (a database of an earlier release). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    public void buildIfNeeded() {
        lock.runExclusively("check-index-build", () -> transactions.execute(status -> {
            if (jdbc.sql("select exists (select 1 from screening.index_state)").query(Boolean.class).single()) {
                return null;
            }
            Writer writer = new Writer(null);
            entries.each(EntryDetail.MEASURES, writer);
            writer.flush();
            jdbc.sql("insert into screening.index_state (id, built_at) values (1, ?)").param(Timestamp.from(clock.instant())).update();
            if (writer.written > 0) {
                log.info("Check index built: {} credit entries", writer.written);
            }
            return null;
        }));
    }

    /**
     * Writes entries in chunks, one statement each; drops entries that can no longer trigger anything (a record
     * corrected into one that is not dishonesty); tells watchers of the change, if it is one they are told.
     */
    private final class Writer implements Consumer<CreditEntry> {
        private final EntryChange change;
        private final List<CreditEntry> chunk = new ArrayList<>();
        long written;

        Writer(EntryChange change) {
            this.change = change;
        }

        @Override
        public void accept(CreditEntry entry) {
            chunk.add(entry);
            if (chunk.size() >= CHUNK) {
                flush();
            }
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            List<CreditEntry> kept = chunk.stream().filter(CreditEntry::measurable).toList();
            List<CreditEntry> dropped = chunk.stream().filter(e -> !e.measurable()).toList();
            if (!dropped.isEmpty()) {
                jdbc.sql("""
                        delete from screening.hit h using unnest(:kinds::text[], :ids::bigint[]) as x(kind, id)
                         where h.kind = x.kind and h.source_id = x.id""")
                        .param("kinds", dropped.stream().map(e -> e.kind().name()).toArray(String[]::new))
                        .param("ids", dropped.stream().map(CreditEntry::id).toArray(Long[]::new)).update();
            }
            if (!kept.isEmpty()) {
                upsert(kept);
                written += kept.size();
            }
            chunk.clear();
        }

        private void upsert(List<CreditEntry> kept) {
            int n = kept.size();
            String[] kinds = new String[n];
            Long[] ids = new Long[n];
            Long[] subjects = new Long[n];
            String[] codes = new String[n];
            String[] categories = new String[n];
            String[] natures = new String[n];
            String[] titles = new String[n];
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
                CreditEntry e = kept.get(i);
                kinds[i] = e.kind().name();
                ids[i] = e.id();
                subjects[i] = e.subjectId();
                codes[i] = e.code();
                categories[i] = e.category().name();
                natures[i] = e.nature().name();
                titles[i] = e.title();
                documents[i] = e.documentNumber();
                departments[i] = e.department();
                decided[i] = e.date().toString();
                severities[i] = e.severity();
                minors[i] = e.minor();
                ends[i] = e.countsUntil() == null ? null : e.countsUntil().toString();
                reasons[i] = e.endedReason();
                exemptions[i] = e.exemption();
                objections[i] = e.objectionAcceptedOn() == null ? null : e.objectionAcceptedOn().toString();
            }
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("""
                    insert into screening.hit (kind, source_id, subject_id, code, category, nature, title, document_number,
                                               department_code, decided_on, severity, minor, valid_from, valid_to,
                                               ended_reason, exemption, suspended_since, updated_at)
                    select x.kind, x.id, x.subject, x.code, x.category, x.nature, x.title, x.document, x.department,
                           x.decided::date, x.severity, x.minor, x.decided::date, x.ends::date, x.reason, x.exemption,
                           x.objection::date, :now
                      from unnest(:kinds::text[], :ids::bigint[], :subjects::bigint[], :codes::text[], :categories::text[],
                                  :natures::text[], :titles::text[], :documents::text[], :departments::text[],
                                  :decided::text[], :severities::text[], :minors::boolean[], :ends::text[], :reasons::text[],
                                  :exemptions::text[], :objections::text[])
                           as x(kind, id, subject, code, category, nature, title, document, department, decided, severity,
                                minor, ends, reason, exemption, objection)
                    on conflict (kind, source_id) do update set subject_id = excluded.subject_id, code = excluded.code,
                        category = excluded.category, nature = excluded.nature, title = excluded.title,
                        document_number = excluded.document_number, department_code = excluded.department_code,
                        decided_on = excluded.decided_on, severity = excluded.severity, minor = excluded.minor,
                        valid_from = excluded.valid_from, valid_to = excluded.valid_to, ended_reason = excluded.ended_reason,
                        exemption = excluded.exemption, suspended_since = excluded.suspended_since,
                        updated_at = excluded.updated_at""")
                    .param("kinds", kinds).param("ids", ids).param("subjects", subjects).param("codes", codes)
                    .param("categories", categories).param("natures", natures).param("titles", titles)
                    .param("documents", documents).param("departments", departments).param("decided", decided)
                    .param("severities", severities).param("minors", minors).param("ends", ends).param("reasons", reasons)
                    .param("exemptions", exemptions).param("objections", objections).param("now", now).update();
            if (change != null) {
                jdbc.sql("""
                        insert into screening.change (subject_id, kind, hit_kind, hit_id, at)
                        select x.subject, :change, x.kind, x.id, :now
                          from unnest(:kinds::text[], :ids::bigint[], :subjects::bigint[]) as x(kind, id, subject)
                         where exists (select 1 from screening.watch w where w.subject_id = x.subject)""")
                        .param("change", change.name()).param("kinds", kinds).param("ids", ids).param("subjects", subjects)
                        .param("now", now).update();
            }
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
        Date objection = rs.getDate("suspended_since");
        return new Hit(EntryKind.valueOf(rs.getString("kind")), rs.getLong("source_id"), rs.getLong("subject_id"),
                rs.getString("code"), EntryCategory.valueOf(rs.getString("category")),
                EntryNature.valueOf(rs.getString("nature")), rs.getString("title"), rs.getString("document_number"),
                rs.getString("department_code"), rs.getDate("decided_on").toLocalDate(), rs.getString("severity"),
                rs.getBoolean("minor"), rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate(),
                rs.getString("ended_reason"), objection == null ? null : objection.toLocalDate(), Hit.Via.SUBJECT,
                rs.getString("exemption"));
    }
}
