package gongxin.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import gongxin.entries.EntryKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Duties, consents and the query history (schema {@code sharing}). */
@Repository
class SharingRepository {

    /** A line of a subject's query history. */
    record Read(long id, Instant at, String channel, String department, String caller, String matter, String purpose,
                Long consent, String outcome, String rule, LocalDate restrictedUntil) {
    }

    /** A read as it is written to the history. */
    record NewRead(long subjectId, String channel, String department, String caller, String matter, String purpose,
                   Long consent, String outcome, String rule, LocalDate restrictedUntil) {
    }

    private final JdbcClient jdbc;

    SharingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- duties

    List<Duty> duties(String department) {
        return jdbc.sql("select * from sharing.duty where department_code = ? order by matter").param(department)
                .query(SharingRepository::duty).list();
    }

    Optional<Duty> duty(String department, String matter) {
        return jdbc.sql("select * from sharing.duty where department_code = ? and matter = ?").params(department, matter)
                .query(SharingRepository::duty).optional();
    }

    /** Replaces a department's duties with these. */
    void replaceDuties(String department, List<Duty> duties, Instant at, String by) {
        jdbc.sql("delete from sharing.duty where department_code = ?").param(department).update();
        for (Duty d : duties) {
            jdbc.sql("""
                    insert into sharing.duty (department_code, matter, kinds, legal_basis, statutory, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(department, d.matter(), Duty.names(d.kinds()).toArray(String[]::new), d.legalBasis(), d.statutory(),
                            Timestamp.from(at), by).update();
        }
    }

    boolean anyDuty() {
        return jdbc.sql("select exists (select 1 from sharing.duty)").query(Boolean.class).single();
    }

    private static Duty duty(ResultSet rs, int n) throws SQLException {
        Set<EntryKind> kinds = EnumSet.noneOf(EntryKind.class);
        Arrays.stream((String[]) rs.getArray("kinds").getArray()).forEach(k -> kinds.add(EntryKind.valueOf(k)));
        return new Duty(rs.getString("department_code"), rs.getString("matter"), Set.copyOf(kinds), rs.getString("legal_basis"),
                rs.getBoolean("statutory"));
    }

    // ---- consents

    /** The longest validity of a consent in force on a day, in months. */
    int consentMonths(LocalDate day) {
        return jdbc.sql("select months from sharing.consent_limit where effective_from <= ? order by effective_from desc limit 1")
                .param(day).query(Integer.class).optional().orElse(12);
    }

    long insert(Consent c, Instant at, String by) {
        return jdbc.sql("""
                insert into sharing.consent (subject_id, grantee, matters, valid_from, valid_to, evidence_file, evidence_sm3, status,
                                             created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(c.subjectId(), c.grantee(), c.matters().toArray(String[]::new), c.validFrom(), c.validTo(), c.evidenceFile(),
                        c.evidenceSm3(), c.status().name(), Timestamp.from(at), by)
                .query(Long.class).single();
    }

    Optional<Consent> consent(long id, boolean lock) {
        return jdbc.sql("select * from sharing.consent where id = ?" + (lock ? " for update" : "")).param(id)
                .query(SharingRepository::consent).optional();
    }

    void saveRevocation(Consent c) {
        jdbc.sql("update sharing.consent set status = ?, revoked_at = ?, revocation_reason = ? where id = ?")
                .params(c.status().name(), c.revokedAt() == null ? null : Timestamp.from(c.revokedAt()), c.revocationReason(), c.id())
                .update();
    }

    private static Consent consent(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Consent(rs.getLong("id"), rs.getLong("subject_id"), rs.getString("grantee"),
                Arrays.asList((String[]) rs.getArray("matters").getArray()), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getString("evidence_file"), rs.getString("evidence_sm3"),
                Consent.Status.valueOf(rs.getString("status")), revoked == null ? null : revoked.toInstant(),
                rs.getString("revocation_reason"));
    }

    // ---- the history

    long record(NewRead r, Instant at) {
        return jdbc.sql("""
                insert into sharing.read (subject_id, at, channel, department_code, caller, matter, purpose, consent_id, outcome, rule,
                                          restricted_until)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(r.subjectId(), Timestamp.from(at), r.channel(), r.department(), r.caller(), r.matter(), r.purpose(),
                        r.consent(), r.outcome(), r.rule(), r.restrictedUntil())
                .query(Long.class).single();
    }

    /** The same read of many subjects (a batch check): one line each, in one statement. */
    void recordAll(List<Long> subjectIds, String channel, String department, String caller, String matter, String purpose,
                   Instant at) {
        jdbc.sql("""
                insert into sharing.read (subject_id, at, channel, department_code, caller, matter, purpose, outcome)
                select s, :at, :channel, :department, :caller, :matter, :purpose, 'ANSWERED' from unnest(:subjects::bigint[]) as x(s)""")
                .param("subjects", subjectIds.toArray(Long[]::new)).param("at", Timestamp.from(at)).param("channel", channel)
                .param("department", department).param("caller", caller).param("matter", matter).param("purpose", purpose)
                .update();
    }

    /** A subject's history, newest first, without what is restricted on {@code today}; a page of {@code limit}. */
    List<Read> history(long subjectId, LocalDate today, int offset, int limit) {
        return jdbc.sql("""
                select * from sharing.read
                 where subject_id = :subject and (restricted_until is null or restricted_until < :today)
                 order by at desc, id desc offset :offset limit :limit""")
                .param("subject", subjectId).param("today", today).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new Read(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("channel"),
                        rs.getString("department_code"), rs.getString("caller"), rs.getString("matter"), rs.getString("purpose"),
                        (Long) rs.getObject("consent_id"), rs.getString("outcome"), rs.getString("rule"),
                        rs.getObject("restricted_until", LocalDate.class)))
                .list();
    }
}
