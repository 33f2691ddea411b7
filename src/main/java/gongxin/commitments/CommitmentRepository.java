package gongxin.commitments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import gongxin.calendar.Deadline;
import gongxin.catalog.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The commitments schema: matters, commitments, breaches. */
@Repository
class CommitmentRepository {

    private static final String COMMITMENT = """
            select c.*, m.name as matter_name, b.id as breach_id, b.repaired_on as breach_repaired_on
              from commitments.commitment c
              join commitments.matter m on m.code = c.matter_code
              left join commitments.breach b on b.commitment_id = c.id""";
    private static final String BREACH = """
            select b.*, c.number, c.matter_code, c.department_code, c.signed_on, m.name as matter_name
              from commitments.breach b
              join commitments.commitment c on c.id = b.commitment_id
              join commitments.matter m on m.code = c.matter_code""";

    private final JdbcClient jdbc;

    /** The public pages' reads go to the replica when one serves them. */
    private final gongxin.platform.PublicReads reads;

    CommitmentRepository(JdbcClient jdbc, gongxin.platform.PublicReads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    // ---- matters

    boolean upsertMatter(CommitmentMatter m, Instant at, String by) {
        boolean existed = findMatter(m.code()).isPresent();
        jdbc.sql("""
                insert into commitments.matter (code, name, department_code, type, text, verify_within_working_days,
                                                breach_severity, excludes, public, updated_at, updated_by)
                values (:code, :name, :department, :type, :text, :days, :severity, :excludes, :public, :at, :by)
                on conflict (code) do update set name = excluded.name, department_code = excluded.department_code,
                    type = excluded.type, text = excluded.text, verify_within_working_days = excluded.verify_within_working_days,
                    breach_severity = excluded.breach_severity, excludes = excluded.excludes, public = excluded.public,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("code", m.code()).param("name", m.name()).param("department", m.department())
                .param("type", m.type().name()).param("text", m.text()).param("days", m.verifyWithinWorkingDays())
                .param("severity", m.breachSeverity().name())
                .param("excludes", m.excludes().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("public", m.publicFlag()).param("at", Timestamp.from(at)).param("by", by).update();
        return existed;
    }

    Optional<CommitmentMatter> findMatter(String code) {
        return jdbc.sql("select * from commitments.matter where code = ?").param(code).query(CommitmentRepository::matter).optional();
    }

    List<CommitmentMatter> matters() {
        return jdbc.sql("select * from commitments.matter order by department_code, code").query(CommitmentRepository::matter).list();
    }

    boolean noMatters() {
        return jdbc.sql("select not exists (select 1 from commitments.matter)").query(Boolean.class).single();
    }

    private static CommitmentMatter matter(ResultSet rs, int n) throws SQLException {
        Set<CommitmentMatter.Exclusion> excludes = EnumSet.noneOf(CommitmentMatter.Exclusion.class);
        for (String e : (String[]) rs.getArray("excludes").getArray()) {
            excludes.add(CommitmentMatter.Exclusion.valueOf(e));
        }
        return new CommitmentMatter(rs.getString("code"), rs.getString("name"), rs.getString("department_code"),
                CommitmentType.valueOf(rs.getString("type")), rs.getString("text"), rs.getInt("verify_within_working_days"),
                Severity.valueOf(rs.getString("breach_severity")), excludes, (Boolean) rs.getObject("public"));
    }

    // ---- commitments

    /**
     * A commitment as stored.
     *
     * @param letterText the letter as the subject signed it; {@code letterSm3} its SM3
     * @param breachId its breach, if it was breached; {@code breachRepairedOn} the day that breach was repaired, if it was
     */
    record Stored(long id, String number, String matterName, Commitment commitment, String letterText, String letterSm3,
                  Instant createdAt, String createdBy, Long breachId, LocalDate breachRepairedOn) {
    }

    long nextId() {
        return jdbc.sql("select nextval(pg_get_serial_sequence('commitments.commitment', 'id'))").query(Long.class).single();
    }

    void insert(long id, String number, Commitment c, String letterText, String letterSm3, Instant at, String by,
                String idempotencyKey) {
        jdbc.sql("""
                insert into commitments.commitment (id, number, matter_code, type, department_code, subject_id, signed_on,
                       signatory_name, signatory_role, public, letter_text, letter_sm3, verify_by, verify_by_provisional,
                       status, created_at, created_by, idempotency_key, updated_at)
                values (:id, :number, :matter, :type, :department, :subject, :signedOn, :signatory, :role, :public, :letter,
                        :sm3, :verifyBy, :provisional, :status, :at, :by, :key, :at)""")
                .param("id", id).param("number", number).param("matter", c.matter()).param("type", c.type().name())
                .param("department", c.department()).param("subject", c.subjectId()).param("signedOn", c.signedOn())
                .param("signatory", c.signatory().name()).param("role", c.signatory().role().name())
                .param("public", c.publicCommitment()).param("letter", letterText).param("sm3", letterSm3)
                .param("verifyBy", c.verifyBy().date()).param("provisional", c.verifyBy().provisional())
                .param("status", c.status().name()).param("at", Timestamp.from(at)).param("by", by)
                .param("key", idempotencyKey).update();
    }

    void save(long id, Commitment c, Instant at) {
        Commitment.Finding f = c.finding();
        jdbc.sql("""
                update commitments.commitment set status = :status, decided_on = :decidedOn, document_number = :document,
                       finding = :finding, withdrawn_on = :withdrawnOn, withdrawal_reason = :reason, updated_at = :at
                 where id = :id""")
                .param("status", c.status().name()).param("decidedOn", f == null ? null : f.decidedOn())
                .param("document", f == null ? null : f.documentNumber()).param("finding", f == null ? null : f.text())
                .param("withdrawnOn", c.withdrawnOn()).param("reason", c.withdrawalReason()).param("at", Timestamp.from(at))
                .param("id", id).update();
    }

    Optional<Long> byIdempotencyKey(String caller, String key) {
        return jdbc.sql("select id from commitments.commitment where created_by = ? and idempotency_key = ?")
                .params(caller, key).query(Long.class).optional();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql(COMMITMENT + " where c.id = ?").param(id).query(CommitmentRepository::stored).optional();
    }

    Optional<Stored> lock(long id) {
        // the matter row is shared by many commitments: lock only the commitment
        return jdbc.sql(COMMITMENT + " where c.id = ? for update of c").param(id).query(CommitmentRepository::stored).optional();
    }

    List<Stored> ofSubjects(java.util.Collection<Long> subjectIds) {
        return reads.jdbcFor(jdbc).sql(COMMITMENT + " where c.subject_id = any(?) order by c.subject_id, c.id").param(subjectIds.toArray(Long[]::new))
                .query(CommitmentRepository::stored).list();
    }

    /**
     * The newest public commitments (public ones, not withdrawn, their breach not repaired), newest signature first:
     * a list page of the website.
     */
    List<Stored> latestPublic(java.util.Set<String> matters, String department, java.time.LocalDate from,
                              java.time.LocalDate to, int limit) {
        return reads.jdbcFor(jdbc).sql(COMMITMENT + "\n" + """
                 where c.public and c.status <> 'WITHDRAWN' and b.repaired_on is null
                   and (cardinality(cast(:matters as text[])) = 0 or c.matter_code = any(cast(:matters as text[])))
                   and (cast(:department as text) is null or c.department_code = :department)
                   and (cast(:from as date) is null or c.signed_on >= :from)
                   and (cast(:to as date) is null or c.signed_on <= :to)
                 order by c.signed_on desc, c.id desc limit :limit""")
                .param("matters", matters.toArray(String[]::new)).param("department", department).param("from", from)
                .param("to", to).param("limit", limit).query(CommitmentRepository::stored).list();
    }

    /** The newest breaches public on {@code day} (not repaired, within their window), newest finding first. */
    List<Breach> latestPublicBreaches(java.util.Set<String> matters, String department, java.time.LocalDate from,
                                      java.time.LocalDate to, java.time.LocalDate day, int limit) {
        return reads.jdbcFor(jdbc).sql(BREACH + "\n" + """
                 where b.repaired_on is null and (b.window_end is null or b.window_end >= :day)
                   and (cardinality(cast(:matters as text[])) = 0 or c.matter_code = any(cast(:matters as text[])))
                   and (cast(:department as text) is null or c.department_code = :department)
                   and (cast(:from as date) is null or b.decided_on >= :from)
                   and (cast(:to as date) is null or b.decided_on <= :to)
                 order by b.decided_on desc, b.id desc limit :limit""")
                .param("matters", matters.toArray(String[]::new)).param("department", department).param("from", from)
                .param("to", to).param("day", day).param("limit", limit).query(CommitmentRepository::breach).list();
    }

    List<Breach> breachesOf(java.util.Collection<Long> subjectIds) {
        return reads.jdbcFor(jdbc).sql(BREACH + " where b.subject_id = any(?) order by b.subject_id, b.id").param(subjectIds.toArray(Long[]::new))
                .query(CommitmentRepository::breach).list();
    }

    List<Stored> ofSubject(long subjectId) {
        return reads.jdbcFor(jdbc).sql(COMMITMENT + " where c.subject_id = ? order by c.id").param(subjectId)
                .query(CommitmentRepository::stored).list();
    }

    List<Long> allIds() {
        return jdbc.sql("select id from commitments.commitment order by id").query(Long.class).list();
    }

    /**
     * Commitments by what staff filter on, newest first.
     *
     * @param departments null for every department
     * @param status a status, {@code OVERDUE} (in force past its verification day), or null
     */
    Page list(Long subjectId, String status, List<String> departments, LocalDate today, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        if (subjectId != null) {
            where.append(" and c.subject_id = :subject");
        }
        if ("OVERDUE".equals(status)) {
            where.append(" and c.status = 'IN_FORCE' and c.verify_by < :today");
        } else if (status != null) {
            where.append(" and c.status = :status");
        }
        if (departments != null) {
            where.append(" and c.department_code = any(:departments)");
        }
        var total = jdbc.sql("select count(*) from commitments.commitment c" + where);
        var items = jdbc.sql(COMMITMENT + where + " order by c.id desc limit :size offset :offset");
        for (var statement : List.of(total, items)) {
            if (subjectId != null) {
                statement.param("subject", subjectId);
            }
            if ("OVERDUE".equals(status)) {
                statement.param("today", today);
            } else if (status != null) {
                statement.param("status", status);
            }
            if (departments != null) {
                statement.param("departments", departments.toArray(String[]::new));
            }
        }
        long count = total.query(Long.class).single();
        List<Stored> rows = items.param("size", size).param("offset", (long) page * size).query(CommitmentRepository::stored).list();
        return new Page(rows, count);
    }

    record Page(List<Stored> items, long total) {
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        LocalDate decidedOn = rs.getObject("decided_on", LocalDate.class);
        Commitment.Status status = Commitment.Status.valueOf(rs.getString("status"));
        Commitment.Finding finding = decidedOn == null ? null : new Commitment.Finding(
                status == Commitment.Status.BREACHED ? Commitment.Outcome.BREACHED : Commitment.Outcome.KEPT, decidedOn,
                rs.getString("document_number"), rs.getString("finding"));
        Commitment c = Commitment.restore(rs.getString("matter_code"), CommitmentType.valueOf(rs.getString("type")),
                rs.getString("department_code"), rs.getLong("subject_id"), rs.getObject("signed_on", LocalDate.class),
                new Commitment.Signatory(rs.getString("signatory_name"), Commitment.SignatoryRole.valueOf(rs.getString("signatory_role"))),
                rs.getBoolean("public"), new Deadline(rs.getObject("verify_by", LocalDate.class), rs.getBoolean("verify_by_provisional")),
                status, finding, rs.getObject("withdrawn_on", LocalDate.class), rs.getString("withdrawal_reason"));
        return new Stored(rs.getLong("id"), rs.getString("number"), rs.getString("matter_name"), c, rs.getString("letter_text"),
                rs.getString("letter_sm3"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                (Long) rs.getObject("breach_id"), rs.getObject("breach_repaired_on", LocalDate.class));
    }

    // ---- breaches

    long insertBreach(long commitmentId, long subjectId, Severity severity, LocalDate decidedOn, String documentNumber,
                      String finding, String ruleSet, Integer minMonths, LocalDate windowEnd, Instant at) {
        return jdbc.sql("""
                insert into commitments.breach (commitment_id, subject_id, severity, decided_on, document_number, finding,
                                                rule_set, min_months, window_end, created_at, updated_at)
                values (:commitment, :subject, :severity, :decidedOn, :document, :finding, :ruleSet, :min, :windowEnd, :at, :at)
                returning id""")
                .param("commitment", commitmentId).param("subject", subjectId).param("severity", severity.name())
                .param("decidedOn", decidedOn).param("document", documentNumber).param("finding", finding)
                .param("ruleSet", ruleSet).param("min", minMonths).param("windowEnd", windowEnd).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    Optional<Breach> breach(long id) {
        return jdbc.sql(BREACH + " where b.id = ?").param(id).query(CommitmentRepository::breach).optional();
    }

    Optional<Breach> lockBreach(long id) {
        return jdbc.sql(BREACH + " where b.id = ? for update of b").param(id).query(CommitmentRepository::breach).optional();
    }

    Optional<Breach> breachOf(long commitmentId) {
        return jdbc.sql(BREACH + " where b.commitment_id = ?").param(commitmentId).query(CommitmentRepository::breach).optional();
    }

    List<Breach> breachesOf(long subjectId) {
        return reads.jdbcFor(jdbc).sql(BREACH + " where b.subject_id = ? order by b.id").param(subjectId).query(CommitmentRepository::breach).list();
    }

    List<Long> allBreachIds() {
        return jdbc.sql("select id from commitments.breach order by id").query(Long.class).list();
    }

    void repair(long breachId, LocalDate on, String application, Instant at) {
        jdbc.sql("""
                update commitments.breach set repaired_on = :on, repair_application = :application, updated_at = :at
                 where id = :id""")
                .param("on", on).param("application", application).param("at", Timestamp.from(at)).param("id", breachId).update();
    }

    /** A repair revoked: the breach counts again (the audit log keeps the repair and its revocation). */
    void unrepair(long breachId, Instant at) {
        jdbc.sql("update commitments.breach set repaired_on = null, repair_application = null, updated_at = ? where id = ?")
                .params(Timestamp.from(at), breachId).update();
    }

    private static Breach breach(ResultSet rs, int n) throws SQLException {
        return new Breach(rs.getLong("id"), rs.getLong("commitment_id"), rs.getString("number"), rs.getLong("subject_id"),
                rs.getString("matter_code"), rs.getString("matter_name"), rs.getString("department_code"),
                Severity.valueOf(rs.getString("severity")), rs.getObject("signed_on", LocalDate.class),
                rs.getObject("decided_on", LocalDate.class), rs.getString("document_number"), rs.getString("finding"),
                rs.getString("rule_set"), (Integer) rs.getObject("min_months"), rs.getObject("window_end", LocalDate.class),
                rs.getObject("repaired_on", LocalDate.class), rs.getString("repair_application"));
    }

    static List<String> list(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
