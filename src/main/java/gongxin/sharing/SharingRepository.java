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

    java.util.Map<String, List<Duty>> allDuties() {
        java.util.Map<String, List<Duty>> all = new java.util.TreeMap<>();
        jdbc.sql("select * from sharing.duty order by department_code, matter").query(SharingRepository::duty).list()
                .forEach(d -> all.computeIfAbsent(d.department(), k -> new java.util.ArrayList<>()).add(d));
        return all;
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

    /** A consent with who recorded it and whether its signed authorisation is kept. */
    record ConsentRow(Consent consent, boolean evidenceKept, Instant createdAt, String createdBy) {
    }

    List<ConsentRow> consents(List<String> grantees, int limit) {
        return jdbc.sql("""
                select *, evidence_key is not null as kept from sharing.consent
                 where (cast(:all as boolean) or grantee = any(:grantees)) order by created_at desc, id desc limit :limit""")
                .param("all", grantees == null).param("grantees", grantees == null ? new String[0] : grantees.toArray(String[]::new))
                .param("limit", limit)
                .query((rs, n) -> new ConsentRow(consent(rs, n), rs.getBoolean("kept"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by"))).list();
    }

    record StoredEvidence(gongxin.platform.KeyRing.Sealed sealed, String contentType) {
    }

    void evidence(long id, gongxin.platform.KeyRing.Sealed sealed, String contentType) {
        jdbc.sql("update sharing.consent set evidence = ?, evidence_key = ?, evidence_type = ? where id = ?")
                .params(sealed.data(), sealed.keyId(), contentType, id).update();
    }

    Optional<StoredEvidence> evidence(long id) {
        return jdbc.sql("select evidence, evidence_key, evidence_type from sharing.consent where id = ? and evidence_key is not null")
                .param(id).query((rs, n) -> new StoredEvidence(new gongxin.platform.KeyRing.Sealed(rs.getString("evidence_key"),
                        rs.getBytes("evidence")), rs.getString("evidence_type"))).optional();
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

    // ---- the credit office's review

    record Settings(int subjectsPerHour, java.time.LocalTime workingFrom, java.time.LocalTime workingTo, double rareMatterShare,
                    int rareMatterMinReads) {
    }

    Settings settings(LocalDate day) {
        return jdbc.sql("""
                select subjects_per_hour, working_from, working_to, rare_matter_share, rare_matter_min_reads from sharing.review_setting
                 where effective_from <= ? order by effective_from desc limit 1""").param(day)
                .query((rs, n) -> new Settings(rs.getInt(1), rs.getObject(2, java.time.LocalTime.class), rs.getObject(3, java.time.LocalTime.class),
                        rs.getDouble(4), rs.getInt(5))).optional()
                .orElse(new Settings(50, java.time.LocalTime.of(8, 0), java.time.LocalTime.of(18, 0), 0.05, 20));
    }

    /** Reads per department and caller in a period. */
    record Volume(String department, String caller, long reads, long subjects, long refused) {
    }

    List<Volume> volume(Instant from, Instant to) {
        return jdbc.sql("""
                select department_code, caller, count(*), count(distinct subject_id), count(*) filter (where outcome = 'REFUSED')
                  from sharing.read where at >= :from and at < :to group by 1, 2 order by 3 desc, 2""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Volume(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))).list();
    }

    /**
     * Something the review flags: the rule, who, when (the hour or day, local time), how many, and the history lines
     * behind it (at most 100 of them).
     */
    record Flag(String rule, String department, String caller, String when, String matter, long count, List<Long> reads,
                List<Long> subjects) {
    }

    List<Flag> manySubjects(Instant from, Instant to, String zone, int perHour) {
        return jdbc.sql("""
                select department_code, caller, to_char(date_trunc('hour', at at time zone :zone), 'YYYY-MM-DD HH24:00') as hour,
                       count(distinct subject_id), (array_agg(id order by id))[1 : 100], (array_agg(distinct subject_id))[1 : 100]
                  from sharing.read where at >= :from and at < :to
                 group by 1, 2, 3 having count(distinct subject_id) > :limit order by 3, 1, 2""")
                .param("zone", zone).param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("limit", perHour)
                .query((rs, n) -> new Flag("MANY_SUBJECTS", rs.getString(1), rs.getString(2), rs.getString(3), null, rs.getLong(4),
                        longs(rs.getArray(5)), longs(rs.getArray(6)))).list();
    }

    List<Flag> offHours(Instant from, Instant to, String zone, java.time.LocalTime workingFrom, java.time.LocalTime workingTo,
                        List<LocalDate> daysOff) {
        return jdbc.sql("""
                select department_code, caller, to_char((at at time zone :zone)::date, 'YYYY-MM-DD'), count(*),
                       (array_agg(id order by id))[1 : 100], (array_agg(distinct subject_id))[1 : 100]
                  from sharing.read
                 where at >= :from and at < :to
                   and ((at at time zone :zone)::date = any(:daysOff)
                        or (at at time zone :zone)::time < :workingFrom or (at at time zone :zone)::time >= :workingTo)
                 group by 1, 2, 3 order by 3, 1, 2""")
                .param("zone", zone).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("daysOff", daysOff.stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new))
                .param("workingFrom", workingFrom).param("workingTo", workingTo)
                .query((rs, n) -> new Flag("OFF_HOURS", rs.getString(1), rs.getString(2), rs.getString(3), null, rs.getLong(4),
                        longs(rs.getArray(5)), longs(rs.getArray(6)))).list();
    }

    List<Flag> rareMatters(Instant from, Instant to, double share, int minReads) {
        return jdbc.sql("""
                with m as (
                    select department_code, caller, matter, count(*) as n, sum(count(*)) over (partition by department_code, caller) as total,
                           (array_agg(id order by id))[1 : 100] as ids, (array_agg(distinct subject_id))[1 : 100] as subjects
                      from sharing.read where at >= :from and at < :to and matter is not null
                     group by 1, 2, 3)
                select department_code, caller, matter, n, ids, subjects from m
                 where total >= :minReads and n::numeric / total < :share order by 1, 2, 3""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("minReads", minReads).param("share", share)
                .query((rs, n) -> new Flag("RARE_MATTER", rs.getString(1), rs.getString(2), null, rs.getString(3), rs.getLong(4),
                        longs(rs.getArray(5)), longs(rs.getArray(6)))).list();
    }

    private static List<Long> longs(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Long[]) array.getArray()).toList();
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
