package gongxin.lists;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Entries on the lists, whichever way they were made (a case's decision, a red-list import). */
@Repository
class ListEntryRepository implements ListEntries {

    private static final String SELECT = """
            select e.*, t.name as list_name, t.kind, t.domain, t.department_code, t.basis, t.measures,
                   coalesce(c.facts, '来源：' || i.source || '（' || i.list_date || '）') as reason
              from lists.list_entry e
              join lists.list_type t on t.code = e.list_type
              left join lists.list_case c on c.id = e.case_id
              left join lists.list_import i on i.id = e.import_id""";

    private final JdbcClient jdbc;
    /** The day of a flag is the day where the platform is. */
    private final java.time.ZoneId zone;

    /** The public pages' reads go to the replica when one serves them. */
    private final gongxin.platform.PublicReads reads;

    ListEntryRepository(JdbcClient jdbc, gongxin.platform.GongxinProperties properties, gongxin.platform.PublicReads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.zone = properties.zone();
    }

    @Override
    public Optional<Entry> find(long entryId) {
        return jdbc.sql(SELECT + " where e.id = ?").param(entryId).query(this::entry).optional();
    }

    @Override
    public List<Long> allIds() {
        return jdbc.sql("select id from lists.list_entry order by id").query(Long.class).list();
    }

    List<Entry> ofSubjects(java.util.Collection<Long> subjectIds) {
        return reads.jdbcFor(jdbc).sql(SELECT + " where e.subject_id = any(?) order by e.subject_id, e.id").param(subjectIds.toArray(Long[]::new))
                .query(this::entry).list();
    }

    List<Entry> ofSubject(long subjectId) {
        return reads.jdbcFor(jdbc).sql(SELECT + " where e.subject_id = ? order by e.listed_on desc, e.id desc").param(subjectId)
                .query(this::entry).list();
    }

    /**
     * The newest entries on dishonesty lists ({@code dishonesty}) or red lists on {@code day} (not removed, not flagged,
     * not past their end), newest listing first: a list page of the website.
     */
    List<Entry> latestOnLists(boolean dishonesty, java.util.Set<String> listTypes, String department, LocalDate from,
                              LocalDate to, LocalDate day, int limit) {
        return reads.jdbcFor(jdbc).sql(SELECT + "\n" + """
                 where (t.kind = 'DISHONESTY') = :dishonesty and e.removed_on is null and e.flagged_at is null
                   and (e.ends_on is null or e.ends_on >= :day)
                   and (cardinality(cast(:types as text[])) = 0 or e.list_type = any(cast(:types as text[])))
                   and (cast(:department as text) is null or t.department_code = :department)
                   and (cast(:from as date) is null or e.listed_on >= :from)
                   and (cast(:to as date) is null or e.listed_on <= :to)
                 order by e.listed_on desc, e.id desc limit :limit""")
                .param("dishonesty", dishonesty).param("types", listTypes.toArray(String[]::new))
                .param("department", department).param("from", from).param("to", to).param("day", day)
                .param("limit", limit).query(this::entry).list();
    }

    /** Whether the subject is on the list on {@code day} (not removed, not flagged, not past its end). */
    boolean onList(String listType, long subjectId, LocalDate day) {
        return jdbc.sql("""
                select exists (select 1 from lists.list_entry where list_type = ? and subject_id = ? and removed_on is null
                                  and flagged_at is null and (ends_on is null or ends_on >= ?))""")
                .params(listType, subjectId, day).query(Boolean.class).single();
    }

    /** Whether this case of the subject is on the upstream list (not removed). */
    boolean onUpstreamList(String listType, long subjectId, String documentNumber) {
        return jdbc.sql("""
                select exists (select 1 from lists.list_entry where list_type = ? and subject_id = ? and document_number = ?
                                  and removed_on is null)""")
                .params(listType, subjectId, documentNumber).query(Boolean.class).single();
    }

    /** An entry pulled from an upstream source, found by the source's id: its id here and when it was removed. */
    record PulledEntry(long id, LocalDate removedOn) {
    }

    java.util.Optional<PulledEntry> pulled(String source, String upstreamId) {
        return jdbc.sql("select id, removed_on from lists.list_entry where upstream_source = ? and upstream_id = ?")
                .params(source, upstreamId).query((rs, n) -> new PulledEntry(rs.getLong(1), rs.getObject(2, LocalDate.class)))
                .optional();
    }

    /** The latest entry of an upstream list a file brought (no source id yet) for this subject and case number. */
    java.util.Optional<Long> importedByFile(String listType, long subjectId, String documentNumber) {
        return jdbc.sql("""
                select id from lists.list_entry where list_type = ? and subject_id = ? and document_number = ?
                                                 and upstream_id is null and case_id is null
                 order by id desc limit 1""").params(listType, subjectId, documentNumber).query(Long.class).optional();
    }

    /** A file's entry is from now on the source's entry with this id. */
    void adopt(long entryId, String source, String upstreamId) {
        jdbc.sql("update lists.list_entry set upstream_source = ?, upstream_id = ? where id = ?").params(source, upstreamId, entryId).update();
    }

    long insertPulled(String listType, long subjectId, long importId, LocalDate listedOn, String documentNumber,
                      java.time.Instant at, String source, String upstreamId) {
        return jdbc.sql("""
                insert into lists.list_entry (list_type, subject_id, import_id, listed_on, removable_from, ends_on,
                                              document_number, created_at, upstream_source, upstream_id)
                values (?, ?, ?, ?, ?, null, ?, ?, ?, ?) returning id""")
                .params(listType, subjectId, importId, listedOn, listedOn, documentNumber, java.sql.Timestamp.from(at), source, upstreamId)
                .query(Long.class).single();
    }

    /** The source removed the entry: it leaves the list on that day (not before its listing). */
    void removeUpstream(long entryId, LocalDate on) {
        jdbc.sql("""
                update lists.list_entry set removed_on = greatest(listed_on, ?), removal_reason = 'UPSTREAM_REMOVED'
                 where id = ? and removed_on is null""").params(on, entryId).update();
    }

    /** The import a pull records its new entries under. */
    long insertPullImport(String listType, String source, LocalDate on, java.time.Instant at, String actor) {
        return jdbc.sql("""
                insert into lists.list_import (list_type, source, list_date, file_name, file_sm3, row_count, accepted, rejected,
                                              imported_at, imported_by)
                values (?, ?, ?, null, '', 0, 0, 0, ?, ?) returning id""")
                .params(listType, source, on, java.sql.Timestamp.from(at), actor).query(Long.class).single();
    }

    void countImport(long importId, int rows, int accepted, int rejected) {
        jdbc.sql("update lists.list_import set row_count = ?, accepted = ?, rejected = ? where id = ?")
                .params(rows, accepted, rejected, importId).update();
    }

    long insertImported(String listType, long subjectId, long importId, LocalDate listedOn, LocalDate removableFrom,
                        LocalDate endsOn, String documentNumber, java.time.Instant at) {
        return jdbc.sql("""
                insert into lists.list_entry (list_type, subject_id, import_id, listed_on, removable_from, ends_on,
                                              document_number, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(listType, subjectId, importId, listedOn, removableFrom, endsOn, documentNumber,
                        java.sql.Timestamp.from(at))
                .query(Long.class).single();
    }

    /**
     * Removes the imported entries of an upstream list that an import no longer names (by case number): the source
     * removed them; on the import's list date (not before their listing). Their ids.
     */
    List<Long> removeUpstreamNotIn(String listType, long importId, java.util.Set<String> documentNumbers, LocalDate on) {
        return jdbc.sql("""
                update lists.list_entry set removed_on = greatest(listed_on, :on), removal_reason = 'UPSTREAM_REMOVED'
                 where list_type = :type and removed_on is null and import_id is not null and import_id <> :import
                   and not (document_number = any(:documents))
                returning id""")
                .param("type", listType).param("import", importId).param("on", on)
                .param("documents", documentNumbers.toArray(String[]::new)).query(Long.class).list();
    }

    /** Where an entry pulled from an upstream source came from: its source, its id there and its list type. */
    record UpstreamOrigin(String source, String upstreamId, String listType) {
    }

    Optional<UpstreamOrigin> upstreamOrigin(long id) {
        return jdbc.sql("select upstream_source, upstream_id, list_type from lists.list_entry where id = ? and upstream_source is not null")
                .param(id).query((rs, n) -> new UpstreamOrigin(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** Marks the entry as under objection (the application's number), or clears the mark of that application. */
    void markObjection(long id, LocalDate since, String applicationNumber) {
        // an entry already marked by an earlier filing keeps its mark
        jdbc.sql("""
                update lists.list_entry set objection_since = ?, objection_number = ?, objection_accepted_on = null
                 where id = ? and objection_number is null""")
                .params(since, applicationNumber, id).update();
    }

    /** The objection of that application was accepted: the entry's measures are suspended from {@code on}. */
    void objectionAccepted(long id, LocalDate on, String applicationNumber) {
        // the accepted objection takes the mark over, whichever filing set it
        jdbc.sql("""
                update lists.list_entry set objection_accepted_on = ?, objection_number = ?, objection_since = coalesce(objection_since, ?)
                 where id = ?""")
                .params(on, applicationNumber, on, id).update();
    }

    void clearObjection(long id, String applicationNumber) {
        jdbc.sql("""
                update lists.list_entry set objection_since = null, objection_number = null, objection_accepted_on = null
                 where id = ? and objection_number = ?""")
                .params(id, applicationNumber).update();
    }

    /** An imported entry (red or upstream list) found wrong on objection leaves the list on {@code on}. */
    void removeImportedOnObjection(long id, LocalDate on) {
        jdbc.sql("""
                update lists.list_entry set removed_on = greatest(listed_on, ?), removal_reason = 'OBJECTION',
                       objection_since = null, objection_number = null, objection_accepted_on = null
                 where id = ? and removed_on is null and case_id is null""").params(on, id).update();
    }

    /** Whether any red-list entry is in force and unflagged (most batches then need no look at red lists at all). */
    boolean anyRedInForce() {
        return jdbc.sql("""
                select exists (select 1 from lists.list_entry e join lists.list_type t on t.code = e.list_type
                                where t.kind = 'RED' and e.removed_on is null and e.flagged_at is null)""")
                .query(Boolean.class).single();
    }

    /** Whether the subject was on a dishonesty list at some time in {@code [from, to]}. */
    boolean dishonestyListedBetween(long subjectId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select exists (select 1 from lists.list_entry e join lists.list_type t on t.code = e.list_type
                                where e.subject_id = :subject and t.kind = 'DISHONESTY' and e.listed_on <= :to
                                  and (e.ends_on is null or e.ends_on >= :from)
                                  and (e.removed_on is null or e.removed_on > :from)
                                  and (e.removal_reason is null or e.removal_reason not in ('BASIS_REVOKED', 'COURT_DECISION')))""")
                .param("subject", subjectId).param("from", from).param("to", to).query(Boolean.class).single();
    }

    /** The red-list entries in force of these subjects that are not flagged yet; flags them and says which. */
    List<Map<String, Object>> flagRedEntries(List<Long> subjectIds, String reason, java.time.Instant at) {
        return jdbc.sql("""
                update lists.list_entry e set flagged_at = :at, flag_reason = :reason
                  from lists.list_type t
                 where t.code = e.list_type and t.kind = 'RED' and e.subject_id = any(:subjects)
                   and e.removed_on is null and e.flagged_at is null
                returning e.id, e.subject_id""")
                .param("at", java.sql.Timestamp.from(at)).param("reason", reason)
                .param("subjects", subjectIds.toArray(Long[]::new)).query().listOfRows();
    }

    private Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("subject_id"), rs.getString("list_type"), rs.getString("list_name"),
                rs.getString("kind"), rs.getString("domain"), rs.getString("department_code"), rs.getString("basis"), rs.getString("reason"),
                rs.getString("document_number"), date(rs.getDate("listed_on")), date(rs.getDate("removable_from")),
                date(rs.getDate("ends_on")), date(rs.getDate("removed_on")), rs.getString("removal_reason"),
                rs.getString("flag_reason"), rs.getTimestamp("flagged_at") == null ? null
                        : rs.getTimestamp("flagged_at").toInstant().atZone(zone).toLocalDate(), Arrays.asList((String[]) rs.getArray("measures").getArray()),
                date(rs.getDate("objection_since")), date(rs.getDate("objection_accepted_on")));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
