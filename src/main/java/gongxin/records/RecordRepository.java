package gongxin.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import gongxin.shared.SubjectCategory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class RecordRepository {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final JsonMapper json = JsonMapper.builder().build();

    private final IdentifierProtection identifiers;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate namedStreaming;
    private final java.time.ZoneId zone;

    /** The public pages' reads (subject pages, list pages, search counts) go to the replica when one serves them. */
    private final gongxin.platform.PublicReads reads;

    RecordRepository(JdbcClient jdbc, DataSource dataSource, IdentifierProtection identifiers,
                     gongxin.platform.GongxinProperties properties, gongxin.platform.PublicReads reads) {
        this.reads = reads;
        this.identifiers = identifiers;
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(500);
        this.namedStreaming = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(streaming);
        this.zone = properties.zone();
    }

    Optional<CreditRecord> find(long id) {
        return jdbc.sql("select * from records.record where id = ?").param(id).query(this::map).optional();
    }

    Optional<Records.RecordSummary> summary(long id) {
        return jdbc.sql("""
                select id, coalesce(subject_id, 0) as subject_id, item_code, department_code, decision_number, decision_date,
                       status, dishonest, minor from records.record where id = ?""").param(id)
                .query((rs, n) -> new Records.RecordSummary(rs.getLong("id"), rs.getLong("subject_id"), rs.getString("item_code"),
                        rs.getString("department_code"), rs.getString("decision_number"), rs.getDate("decision_date").toLocalDate(),
                        RecordStatus.valueOf(rs.getString("status")), rs.getBoolean("dishonest"), rs.getBoolean("minor")))
                .optional();
    }

    boolean dishonestyBetween(long subjectId, java.time.LocalDate from, java.time.LocalDate to) {
        return jdbc.sql("""
                select exists (select 1 from records.record where subject_id = :subject and dishonest and status not in ('REVOKED', 'REPAIRED')
                                  and decision_date between :from and :to)""")
                .param("subject", subjectId).param("from", from).param("to", to).query(Boolean.class).single();
    }

    /**
     * The records of a batch (or all when {@code batchId} is null) that are or were dishonesty information: with a
     * batch, records corrected out of dishonesty come too ({@code dishonest} false), so that a read model drops them.
     */
    void dishonesty(UUID batchId, Consumer<Records.DishonestyRecord> consumer) {
        dishonesty(batchId == null
                ? " (dishonest or (nature = 'DISHONEST' and exclusion is not null)) and subject_id is not null order by id"
                : " batch_id = :batch and (dishonest or nature = 'DISHONEST') order by id",
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("batch", batchId), consumer);
    }

    /** The records of dishonesty items of a subject, as checks and evaluation read them. */
    void dishonestyOfSubject(long subjectId, Consumer<Records.DishonestyRecord> consumer) {
        dishonesty(" subject_id = :subject and (dishonest or nature = 'DISHONEST') order by id",
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("subject", subjectId), consumer);
    }

    /**
     * The records of dishonesty items of these subjects, in one statement; with {@code windowEndingFrom}, only those
     * whose window had not ended before that day.
     */
    void dishonestyOfSubjects(java.util.Collection<Long> subjectIds, LocalDate windowEndingFrom,
                              Consumer<Records.DishonestyRecord> consumer) {
        dishonesty(" subject_id = any(:subjects) and (dishonest or nature = 'DISHONEST')"
                        + (windowEndingFrom == null ? "" : " and (window_end is null or window_end >= :day)") + " order by subject_id, id",
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                        .addValue("subjects", subjectIds.toArray(Long[]::new)).addValue("day", windowEndingFrom), consumer);
    }

    private void dishonesty(String where, org.springframework.jdbc.core.namedparam.MapSqlParameterSource params,
                            Consumer<Records.DishonestyRecord> consumer) {
        String sql = """
                select id, coalesce(subject_id, 0) as subject_id, item_code, department_code, decision_number, decision_date,
                       severity, minor, status, window_end, (revoked_at at time zone :zone)::date as revoked_on, dishonest,
                       exclusion, repaired_on, objection_since, objection_accepted_on
                  from records.record where """ + where;
        params.addValue("zone", zone.getId());
        // by position and as LocalDate: a full evaluation run reads millions of these rows (name look-ups and
        // java.sql.Date's calendar arithmetic were a tenth of its Java time)
        namedStreaming.query(sql, params, (RowCallbackHandler) rs -> consumer.accept(new Records.DishonestyRecord(
                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getString(7), rs.getBoolean(8), RecordStatus.valueOf(rs.getString(9)),
                rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getBoolean(12), rs.getString(13),
                rs.getObject(14, LocalDate.class), rs.getObject(15, LocalDate.class), rs.getObject(16, LocalDate.class))));
    }

    List<Long> subjectsWithNewDishonesty(java.util.UUID batchId, LocalDate decidedSince) {
        return jdbc.sql("""
                select distinct subject_id from records.record
                 where batch_id = ? and dishonest and status <> 'REVOKED' and subject_id is not null and decision_date >= ?""")
                .params(batchId, decidedSince).query(Long.class).list();
    }

    Optional<CreditRecord> findForUpdate(long id) {
        return jdbc.sql("select * from records.record where id = ? for update").param(id).query(this::map).optional();
    }

    Optional<CreditRecord> findByKey(String itemCode, String departmentCode, String recordKey) {
        return jdbc.sql("select * from records.record where item_code = ? and department_code = ? and record_key = ?")
                .params(itemCode, departmentCode, recordKey).query(this::map).optional();
    }

    Records.RecordPage search(RecordQuery q) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new java.util.HashMap<>();
        if (q.departments() != null) {
            where.append(" and department_code = any(:departments)");
            params.put("departments", q.departments().toArray(String[]::new));
        }
        if (q.itemCode() != null) {
            where.append(" and item_code = :item");
            params.put("item", q.itemCode());
        }
        if (q.status() != null) {
            where.append(" and status = :status");
            params.put("status", q.status().name());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" and (subject_name like :like or subject_credit_code = :exact or decision_number = :exact)");
            params.put("like", "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("exact", q.text().trim().toUpperCase(java.util.Locale.ROOT));
        }
        long total = jdbc.sql("select count(*) from records.record" + where).params(params).query(Long.class).single();
        List<CreditRecord> items = jdbc.sql("select * from records.record" + where
                        + " order by updated_at desc, id desc limit :limit offset :offset")
                .params(params).param("limit", q.size()).param("offset", (long) q.page() * q.size())
                .query(this::map).list();
        return new Records.RecordPage(items, total, q.page(), q.size());
    }

    List<Records.RecordVersion> versions(long id) {
        return jdbc.sql("select version, snapshot::text as snapshot, superseded_at from records.record_version where record_id = ? order by version desc")
                .param(id).query((rs, n) -> new Records.RecordVersion(rs.getInt("version"), revealSnapshot(rs.getString("snapshot")),
                        rs.getTimestamp("superseded_at").toInstant())).list();
    }

    /** A superseded version as its reader sees it: identifiers decrypted, their cipher text and digest left out. */
    private String revealSnapshot(String snapshot) {
        if (!snapshot.contains("sm4:")) {
            return snapshot;
        }
        Map<String, Object> row = json.readValue(snapshot, new TypeReference<java.util.LinkedHashMap<String, Object>>() { });
        Object cipher = row.remove("subject_id_cipher");
        row.remove("subject_id_digest");
        if (cipher instanceof String c) {
            row.put("subject_id_number", identifiers.decrypt(c));
        }
        if (row.get("data") instanceof Map<?, ?> data) {
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            data.forEach((k, v) -> fields.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
            row.put("data", identifiers.reveal(fields));
        }
        return json.writeValueAsString(row);
    }

    List<Records.Transition> transitions(long id) {
        return jdbc.sql("select * from records.transition where record_id = ? order by occurred_at, id")
                .param(id).query((rs, n) -> new Records.Transition(rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("kind"), rs.getString("from_status"), rs.getString("to_status"),
                        rs.getInt("version"), rs.getString("actor"), rs.getString("details"))).list();
    }

    void changesOf(UUID batchId, Consumer<CreditRecord> consumer) {
        streaming.query("select * from records.record where batch_id = ? order by id",
                (RowCallbackHandler) rs -> consumer.accept(map(rs, 0)), batchId);
    }

    List<CreditRecord> ofSubject(long subjectId) {
        return reads.jdbcFor(jdbc).sql("select * from records.record where subject_id = ? order by id").param(subjectId)
                .query(this::map).list();
    }

    /** The records of these subjects, in id order: one statement for a page of search results. */
    List<CreditRecord> ofSubjects(java.util.Collection<Long> subjectIds) {
        return reads.jdbcFor(jdbc).sql("select * from records.record where subject_id = any(?) order by id")
                .param(subjectIds.toArray(Long[]::new)).query(this::map).list();
    }

    /**
     * The ids and decision dates of the newest records of an item published on {@code day} (published, not a minor's,
     * within their window), newest decision first: a list page of the website, read through
     * {@code record_public_latest_idx}.
     */
    void latestPublished(String itemCode, String department, LocalDate from, LocalDate to, LocalDate day, int limit,
                         java.util.function.BiConsumer<Long, LocalDate> consumer) {
        reads.jdbcFor(jdbc).sql("""
                select id, decision_date from records.record
                 where item_code = :item and status = 'PUBLISHED' and not minor
                   and (window_end is null or window_end >= :day)
                   and (cast(:department as text) is null or department_code = :department)
                   and (cast(:from as date) is null or decision_date >= :from)
                   and (cast(:to as date) is null or decision_date <= :to)
                 order by decision_date desc, id desc limit :limit""")
                .param("item", itemCode).param("department", department).param("from", from).param("to", to)
                .param("day", day).param("limit", limit)
                .query((RowCallbackHandler) rs -> consumer.accept(rs.getLong(1), rs.getObject(2, LocalDate.class)));
    }

    /** A count of records published on a day, by subject and item version. */
    record PublishedCount(long subjectId, String itemCode, int itemVersion, long count) {
    }

    /**
     * How many records of these subjects are published on {@code day} (published, not a minor's, within their window),
     * by subject and item version: the counts of a page of search results, from {@code record_subject_idx}.
     */
    List<PublishedCount> publishedCounts(java.util.Collection<Long> subjectIds, LocalDate day) {
        return reads.jdbcFor(jdbc).sql("""
                select subject_id, item_code, item_version, count(*) as n from records.record
                 where subject_id = any(:ids) and status = 'PUBLISHED' and not minor
                   and (window_end is null or window_end >= :day)
                 group by subject_id, item_code, item_version""")
                .param("ids", subjectIds.toArray(Long[]::new)).param("day", day)
                .query((rs, n) -> new PublishedCount(rs.getLong("subject_id"), rs.getString("item_code"),
                        rs.getInt("item_version"), rs.getLong("n"))).list();
    }

    /** These records, in any order. */
    List<CreditRecord> findAll(java.util.Collection<Long> ids) {
        return reads.jdbcFor(jdbc).sql("select * from records.record where id = any(?)").param(ids.toArray(Long[]::new)).query(this::map).list();
    }

    /** The records of an item whose current version was stored or changed at or after {@code since}, in id order. */
    void changedSince(String itemCode, Instant since, Consumer<CreditRecord> consumer) {
        streaming.query("select * from records.record where item_code = ? and updated_at >= ? order by id",
                (RowCallbackHandler) rs -> consumer.accept(map(rs, 0)), itemCode, Timestamp.from(since));
    }

    void each(Consumer<CreditRecord> consumer) {
        streaming.query("select * from records.record order by id", (RowCallbackHandler) rs -> consumer.accept(map(rs, 0)));
    }

    /** A record whose publicity {@link #endWindows} ended. */
    record EndedWindow(long id, String itemCode, LocalDate windowEnd) {
    }

    /**
     * Ends the publicity of at most {@code limit} records in force whose window ended before {@code today} (NDRC Order
     * 36: publication stops by itself), each with its transition, in one statement; the records it ended. They are
     * taken oldest window first, in the order of {@code record_window_idx}, which holds only records in force (ordered
     * by id, PostgreSQL walked the primary key through 5M records for the few thousand whose window ends on a day:
     * 3 s a chunk).
     */
    List<EndedWindow> endWindows(LocalDate today, int limit, Instant now) {
        return jdbc.sql("""
                with passed as (select id, status, version, item_code, window_end from records.record
                                 where status in ('PUBLISHED', 'NOT_PUBLISHED') and window_end < :today
                                 order by window_end, id limit :limit for update),
                     ended as (update records.record r set status = 'PUBLICITY_ENDED', updated_at = :now
                                 from passed p where r.id = p.id
                               returning p.id, p.status, p.version, p.item_code, p.window_end),
                     logged as (insert into records.transition (record_id, occurred_at, kind, from_status, to_status, version,
                                                                actor, details)
                                select id, :now, 'PUBLICITY_ENDED', status, 'PUBLICITY_ENDED', version, 'system', null
                                  from ended)
                select id, item_code, window_end from ended order by id""")
                .param("today", today).param("limit", limit).param("now", Timestamp.from(now))
                .query((rs, n) -> new EndedWindow(rs.getLong("id"), rs.getString("item_code"),
                        rs.getDate("window_end").toLocalDate())).list();
    }

    void repair(long id, LocalDate on, Instant now, String repairJson) {
        jdbc.sql("""
                update records.record set status = 'REPAIRED', repaired_on = :on, repair = cast(:repair as jsonb),
                       objection_since = null, objection_application = null, objection_accepted_on = null, updated_at = :now where id = :id""")
                .param("on", on).param("repair", repairJson).param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** A repair revoked: the record's status as restored, its repair cleared (the transitions keep both). */
    void unrepair(long id, RecordStatus status, Instant now) {
        jdbc.sql("update records.record set status = :status, repaired_on = null, repair = null, updated_at = :now where id = :id")
                .param("status", status.name()).param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** The status the record had when its last repair was granted. */
    java.util.Optional<RecordStatus> statusBeforeRepair(long id) {
        return jdbc.sql("""
                select from_status from records.transition where record_id = ? and kind = 'REPAIRED' order by id desc limit 1""")
                .param(id).query(String.class).optional().map(RecordStatus::valueOf);
    }

    void objection(long id, LocalDate since, String application, Instant now) {
        jdbc.sql("""
                update records.record set objection_since = :since, objection_application = :application,
                       objection_accepted_on = null, updated_at = :now where id = :id""")
                .param("since", since).param("application", application).param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** The department accepted the objection being handled: its measures are suspended from {@code on}. */
    void objectionAccepted(long id, String application, LocalDate since, LocalDate on, Instant now) {
        jdbc.sql("""
                update records.record set objection_application = :application, objection_since = :since,
                       objection_accepted_on = :on, updated_at = :now where id = :id""")
                .param("application", application).param("since", since).param("on", on).param("now", Timestamp.from(now))
                .param("id", id).update();
    }

    void revoke(long id, Instant now, String revocationJson) {
        jdbc.sql("""
                update records.record set status = 'REVOKED', revoked_at = :now, revocation = cast(:revocation as jsonb),
                       objection_since = null, objection_application = null, objection_accepted_on = null, updated_at = :now where id = :id""")
                .param("now", Timestamp.from(now)).param("revocation", revocationJson).param("id", id).update();
    }

    List<Records.TimelinessRow> timeliness(LocalDate from, LocalDate to, List<String> departments) {
        return jdbc.sql("""
                select department_code, to_char(decision_date, 'YYYY-MM') as month, count(*) as records,
                       count(*) filter (where on_time) as on_time, avg(working_days_to_arrival) as average,
                       bool_or(timeliness_provisional) as provisional
                  from records.record
                 where timeliness_deadline is not null and decision_date between :from and :to
                   and (cast(:all as boolean) or department_code = any(:departments))
                 group by department_code, month order by department_code, month""")
                .param("from", from).param("to", to).param("all", departments == null)
                .param("departments", departments == null ? new String[0] : departments.toArray(String[]::new))
                .query((rs, n) -> new Records.TimelinessRow(rs.getString("department_code"), rs.getString("month"),
                        rs.getLong("records"), rs.getLong("on_time"), rs.getDouble("average"), rs.getBoolean("provisional")))
                .list();
    }

    /** Keeps the current version before it is replaced. */
    void snapshot(long recordId, Instant now) {
        jdbc.sql("""
                insert into records.record_version (record_id, version, snapshot, superseded_at)
                select id, version, to_jsonb(r) - 'id', :now from records.record r where id = :id""")
                .param("id", recordId).param("now", Timestamp.from(now)).update();
    }

    /** Records a change of state. */
    void transition(long recordId, Instant at, String kind, RecordStatus from, RecordStatus to, int version, String actor,
                    String detailsJson) {
        jdbc.sql("""
                insert into records.transition (record_id, occurred_at, kind, from_status, to_status, version, actor, details)
                values (:id, :at, :kind, :from, :to, :version, :actor, cast(:details as jsonb))""")
                .param("id", recordId).param("at", Timestamp.from(at)).param("kind", kind)
                .param("from", from == null ? null : from.name()).param("to", to.name()).param("version", version)
                .param("actor", actor).param("details", detailsJson).update();
    }

    /** Decrypted for the reader; a record of an earlier release not yet encrypted still has it in clear. */
    private String subjectIdNumber(ResultSet rs) throws SQLException {
        String cipher = rs.getString("subject_id_cipher");
        return cipher != null ? identifiers.decrypt(cipher) : rs.getString("subject_id_number");
    }

    CreditRecord map(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("not_published_reason");
        Integer deadlineDays = (Integer) rs.getObject("deadline_days");
        CreditRecord.Timeliness timeliness = deadlineDays == null ? null : new CreditRecord.Timeliness(
                rs.getString("timeliness_deadline"), deadlineDays, rs.getInt("working_days_to_arrival"),
                rs.getBoolean("on_time"), rs.getBoolean("timeliness_provisional"));
        String revocation = rs.getString("revocation");
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new CreditRecord(rs.getLong("id"), rs.getString("item_code"), rs.getInt("item_version"),
                rs.getString("department_code"), rs.getString("record_key"),
                SubjectCategory.valueOf(rs.getString("subject_category")), rs.getString("subject_name"),
                rs.getString("subject_credit_code"), rs.getString("subject_id_type"), subjectIdNumber(rs),
                rs.getString("decision_number"), rs.getObject("decision_date", LocalDate.class), rs.getString("nature"),
                rs.getBoolean("dishonest"), rs.getString("severity"), rs.getString("exclusion"), rs.getBoolean("minor"),
                rs.getBoolean("pilot_era"), RecordStatus.valueOf(rs.getString("status")),
                reason == null ? null : NotPublishedReason.valueOf(reason), rs.getObject("window_end", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), rs.getString("rule_set"), rs.getInt("version"),
                identifiers.reveal(json.readValue(rs.getString("data"), STRING_MAP)), rs.getObject("batch_id", UUID.class),
                rs.getTimestamp("first_received_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), timeliness,
                revokedAt == null ? null : revokedAt.toInstant(),
                revocation == null ? null : json.readValue(revocation, STRING_MAP),
                rs.getObject("repaired_on", LocalDate.class), rs.getObject("objection_since", LocalDate.class),
                rs.getString("objection_application"), rs.getObject("objection_accepted_on", LocalDate.class),
                rs.getLong("subject_id"));
    }
}
