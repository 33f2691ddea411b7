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

    ListEntryRepository(JdbcClient jdbc, gongxin.platform.GongxinProperties properties) {
        this.jdbc = jdbc;
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
        return jdbc.sql(SELECT + " where e.subject_id = any(?) order by e.subject_id, e.id").param(subjectIds.toArray(Long[]::new))
                .query(this::entry).list();
    }

    List<Entry> ofSubject(long subjectId) {
        return jdbc.sql(SELECT + " where e.subject_id = ? order by e.listed_on desc, e.id desc").param(subjectId)
                .query(this::entry).list();
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
                        : rs.getTimestamp("flagged_at").toInstant().atZone(zone).toLocalDate(), Arrays.asList((String[]) rs.getArray("measures").getArray()));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
