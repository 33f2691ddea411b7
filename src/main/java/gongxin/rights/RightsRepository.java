package gongxin.rights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gongxin.calendar.Deadline;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryRef;
import gongxin.shared.Sm3;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The applications, their steps and proofs (schema {@code rights}). */
@Repository
class RightsRepository {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final gongxin.platform.KeyRing keys;
    private final JsonMapper json = JsonMapper.builder().build();

    RightsRepository(JdbcClient jdbc, Clock clock, gongxin.platform.KeyRing keys) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Who applied, as the application states it.
     *
     * @param statement repair: what was done to correct the behaviour; objection: why the record is wrong
     */
    record Applicant(long subjectId, String name, String legalRepresentative, String contactName, String contactPhone,
                     boolean commitment, String statement) {
    }

    /** An application as stored, with what it was about and who made it. */
    record Stored(String number, RightsApplication application, Applicant applicant, Integer recordVersion,
                  Instant submittedAt, boolean falseStatement) {
    }

    record Step(Instant at, String step, String actor, String details) {
    }

    record StoredProof(long id, ProofKind kind, String fileName, String contentType, int size, String sm3, Instant addedAt) {
    }

    /** The proofs a repair of this kind of entry needs, as in force on {@code day}; none when no row says so. */
    java.util.Set<ProofKind> requiredProofs(EntryKind target, LocalDate day) {
        List<String> kinds = jdbc.sql("""
                select unnest(kinds) from rights.required_proof
                 where target_kind = :target and effective_from = (select max(effective_from) from rights.required_proof
                                                                    where target_kind = :target and effective_from <= :day)""")
                .param("target", target.name()).param("day", day).query(String.class).list();
        java.util.Set<ProofKind> required = java.util.EnumSet.noneOf(ProofKind.class);
        kinds.forEach(k -> required.add(ProofKind.valueOf(k)));
        return required;
    }

    /** The kinds of proof an application holds. */
    java.util.Set<ProofKind> proofKinds(String number) {
        java.util.Set<ProofKind> kinds = java.util.EnumSet.noneOf(ProofKind.class);
        jdbc.sql("select distinct kind from rights.proof where number = ?").param(number).query(String.class).list()
                .forEach(k -> kinds.add(ProofKind.valueOf(k)));
        return kinds;
    }

    void insert(String number, RightsApplication a, Applicant applicant, Integer recordVersion, String idempotencyKey,
                String idempotencyScope) {
        jdbc.sql("""
                insert into rights.application (number, kind, status, target_kind, target_id, subject_id, department_code,
                       applicant_name, legal_representative, contact_name, contact_phone, commitment, statement, record_version,
                       submitted_on, submitted_at, accept_by, accept_by_provisional, idempotency_key, idempotency_scope)
                values (:number, :kind, :status, :targetKind, :targetId, :subject, :department, :name, :legalRepresentative,
                        :contactName, :contactPhone, :commitment, :statement, :recordVersion, :submittedOn, :at, :acceptBy,
                        :acceptByProvisional, :key, :scope)""")
                .param("number", number).param("kind", a.kind().name()).param("status", a.status().name())
                .param("targetKind", a.target().kind().name()).param("targetId", a.target().id())
                .param("subject", applicant.subjectId()).param("department", a.department()).param("name", applicant.name())
                .param("legalRepresentative", applicant.legalRepresentative()).param("contactName", applicant.contactName())
                .param("contactPhone", applicant.contactPhone()).param("commitment", applicant.commitment())
                .param("statement", applicant.statement()).param("recordVersion", recordVersion)
                .param("submittedOn", a.submittedOn()).param("at", Timestamp.from(clock.instant()))
                .param("acceptBy", a.acceptBy().date()).param("acceptByProvisional", a.acceptBy().provisional())
                .param("key", idempotencyKey).param("scope", idempotencyScope).update();
    }

    /** Open applications whose running deadline was counted on weekends alone (a year not loaded then). */
    List<String> withProvisionalDeadlines() {
        return jdbc.sql("""
                select number from rights.application
                 where (status = 'SUBMITTED' and accept_by_provisional) or (status = 'ACCEPTED' and decide_by_provisional)
                 order by number""").query(String.class).list();
    }

    void save(String number, RightsApplication a, boolean falseStatement) {
        jdbc.sql("""
                update rights.application set status = :status, accepted_on = :acceptedOn, decide_by = :decideBy,
                       accept_by = :acceptBy, accept_by_provisional = :acceptByProvisional,
                       decide_by_provisional = :decideByProvisional, complex_reason = :complex, decided_on = :decidedOn,
                       reason = :reason, false_statement = :falseStatement, grant_revoked_on = :revokedOn,
                       grant_revocation_reason = :revocationReason
                 where number = :number""")
                .param("revokedOn", a.grantRevokedOn()).param("revocationReason", a.grantRevocationReason())
                .param("status", a.status().name()).param("acceptedOn", a.acceptedOn())
                .param("acceptBy", a.acceptBy().date()).param("acceptByProvisional", a.acceptBy().provisional())
                .param("decideBy", a.decideBy() == null ? null : a.decideBy().date())
                .param("decideByProvisional", a.decideBy() == null ? null : a.decideBy().provisional())
                .param("complex", a.complexReason()).param("decidedOn", a.decidedOn()).param("reason", a.reason())
                .param("falseStatement", falseStatement).param("number", number).update();
    }

    Optional<Stored> find(String number) {
        return jdbc.sql("select * from rights.application where number = ?").param(number).query(RightsRepository::map).optional();
    }

    Optional<Stored> lock(String number) {
        return jdbc.sql("select * from rights.application where number = ? for update").param(number)
                .query(RightsRepository::map).optional();
    }

    Optional<Stored> byIdempotencyKey(String scope, String key) {
        return jdbc.sql("select * from rights.application where idempotency_scope is not distinct from ? and idempotency_key = ?")
                .params(scope, key).query(RightsRepository::map).optional();
    }

    /** Who the department found applying when it accepted ({@code person:<digest>} or {@code subject:<id>}). */
    void applicantProven(String number, String applicant) {
        jdbc.sql("update rights.application set applicant_proven = ? where number = ?").params(applicant, number).update();
    }

    /** The application was not made by the subject: closed without consequences for it. */
    void notSubject(String number) {
        jdbc.sql("update rights.application set not_subject = true, false_statement = false where number = ?").param(number).update();
    }

    /** An open application of this kind for the target, if any. */
    Optional<String> openFor(RightsApplication.Kind kind, EntryRef target) {
        // an application holds its target once accepted (who applied is then proven): a false one filed first blocks nobody
        return jdbc.sql("""
                select number from rights.application
                 where kind = :kind and target_kind = :targetKind and target_id = :targetId and status = 'ACCEPTED' limit 1""")
                .param("kind", kind.name()).param("targetKind", target.kind().name()).param("targetId", target.id())
                .query(String.class).optional();
    }

    /**
     * The last repair of the target refused because the applicant lied, or granted and then revoked for it, if any: the
     * day of that decision (the refusal period runs from it).
     */
    Optional<LocalDate> lastFalseStatement(EntryRef target, String applicant) {
        return jdbc.sql("""
                select max(coalesce(grant_revoked_on, decided_on)) from rights.application
                 where kind = 'REPAIR' and false_statement and not not_subject
                   and target_kind = :targetKind and target_id = :targetId
                   and coalesce(applicant_proven, 'subject:' || subject_id) = :applicant""")
                .param("targetKind", target.kind().name()).param("targetId", target.id()).param("applicant", applicant)
                .query(LocalDate.class).optional();
    }

    /** The oldest other objection to the target still waiting for acceptance, with its day of filing. */
    Optional<Map.Entry<String, LocalDate>> otherSubmittedObjection(EntryRef target, String except) {
        return jdbc.sql("""
                select number, submitted_on from rights.application
                 where kind = 'OBJECTION' and status = 'SUBMITTED' and target_kind = :targetKind and target_id = :targetId
                   and number <> :except order by submitted_at limit 1""")
                .param("targetKind", target.kind().name()).param("targetId", target.id()).param("except", except)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, LocalDate.class))).optional();
    }

    /** The last decision on an objection to the target that left it standing: its day, and the entry's version then. */
    record ObjectionDecision(LocalDate decidedOn, Integer version) {
    }

    Optional<ObjectionDecision> lastObjectionDecision(EntryRef target) {
        return jdbc.sql("""
                select decided_on, decided_version from rights.application
                 where kind = 'OBJECTION' and status in ('UPHELD', 'CORRECTED') and target_kind = :targetKind and target_id = :targetId
                 order by decided_on desc, submitted_at desc limit 1""")
                .param("targetKind", target.kind().name()).param("targetId", target.id())
                .query((rs, n) -> new ObjectionDecision(rs.getObject("decided_on", LocalDate.class), (Integer) rs.getObject("decided_version")))
                .optional();
    }

    void decidedVersion(String number, int version) {
        jdbc.sql("update rights.application set decided_version = ? where number = ?").params(version, number).update();
    }

    /** How long after a decision a repeated objection without new facts is refused, as in force on that day, in months. */
    Optional<Integer> objectionCoolOffMonths(LocalDate on) {
        return jdbc.sql("select months from rights.objection_cool_off where effective_from <= ? order by effective_from desc limit 1")
                .param(on).query(Integer.class).optional();
    }

    /** The refusal period in force on a day, in months. */
    Optional<Integer> refusalMonths(LocalDate on) {
        return jdbc.sql("select months from rights.refusal_period where effective_from <= ? order by effective_from desc limit 1")
                .param(on).query(Integer.class).optional();
    }

    /** Open applications of these departments (all when null), the nearest deadline first. */
    List<Stored> open(List<String> departments) {
        return jdbc.sql("""
                select * from rights.application
                 where status in ('SUBMITTED', 'ACCEPTED') and (cast(:all as boolean) or department_code = any(:departments))
                 order by case status when 'SUBMITTED' then accept_by else decide_by end, submitted_at""")
                .param("all", departments == null)
                .param("departments", departments == null ? new String[0] : departments.toArray(String[]::new))
                .query(RightsRepository::map).list();
    }

    /** Decided applications of these departments (all when null), newest first. */
    List<Stored> recentlyDecided(List<String> departments, int limit) {
        return jdbc.sql("""
                select * from rights.application
                 where status not in ('SUBMITTED', 'ACCEPTED') and (cast(:all as boolean) or department_code = any(:departments))
                 order by decided_on desc, submitted_at desc limit :limit""")
                .param("all", departments == null)
                .param("departments", departments == null ? new String[0] : departments.toArray(String[]::new))
                .param("limit", limit).query(RightsRepository::map).list();
    }

    void step(String number, Instant at, String step, String actor, Map<String, ?> details) {
        jdbc.sql("insert into rights.application_step (number, at, step, actor, details) values (?, ?, ?, ?, cast(? as jsonb))")
                .params(number, Timestamp.from(at), step, actor, details == null || details.isEmpty() ? null : json.writeValueAsString(details))
                .update();
    }

    List<Step> steps(String number) {
        return jdbc.sql("select at, step, actor, details::text as details from rights.application_step where number = ? order by id")
                .param(number).query((rs, n) -> new Step(rs.getTimestamp("at").toInstant(), rs.getString("step"),
                        rs.getString("actor"), rs.getString("details"))).list();
    }

    /** A proof is stored encrypted with the platform's SM4 key (issue 25, finding 9); its size and SM3 are the file's. */
    void addProof(String number, Proof proof) {
        gongxin.platform.KeyRing.Sealed sealed = keys.seal(proof.content());
        jdbc.sql("""
                insert into rights.proof (number, kind, file_name, content_type, size, sm3, content, content_key, added_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(number, proof.kind().name(), proof.fileName(), proof.contentType(), proof.content().length, Sm3.hex(proof.content()),
                        sealed.data(), sealed.keyId(), Timestamp.from(clock.instant())).update();
    }

    List<StoredProof> proofs(String number) {
        return jdbc.sql("select id, kind, file_name, content_type, size, sm3, added_at from rights.proof where number = ? order by id")
                .param(number).query((rs, n) -> new StoredProof(rs.getLong("id"), ProofKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getInt("size"), rs.getString("sm3"),
                        rs.getTimestamp("added_at").toInstant())).list();
    }

    Optional<Proof> proof(String number, long id) {
        return jdbc.sql("select kind, file_name, content_type, content, content_key from rights.proof where number = ? and id = ?").params(number, id)
                .query((rs, n) -> new Proof(ProofKind.valueOf(rs.getString("kind")), rs.getString("file_name"), rs.getString("content_type"),
                        rs.getString("content_key") == null ? rs.getBytes("content")
                                : keys.open(new gongxin.platform.KeyRing.Sealed(rs.getString("content_key"), rs.getBytes("content")))))
                .optional();
    }

    /** Proofs stored in clear before they were encrypted: encrypted now, a few at a time; how many were. */
    int encryptClearProofs(int limit) {
        List<Long> ids = jdbc.sql("select id from rights.proof where content_key is null order by id limit ? for update skip locked")
                .param(limit).query(Long.class).list();
        for (long id : ids) {
            byte[] content = jdbc.sql("select content from rights.proof where id = ?").param(id).query(byte[].class).single();
            gongxin.platform.KeyRing.Sealed sealed = keys.seal(content);
            jdbc.sql("update rights.proof set content = ?, content_key = ? where id = ?").params(sealed.data(), sealed.keyId(), id).update();
        }
        return ids.size();
    }

    int proofCount(String number) {
        return jdbc.sql("select count(*) from rights.proof where number = ?").param(number).query(Integer.class).single();
    }

    private static Stored map(ResultSet rs, int n) throws SQLException {
        EntryRef target = EntryRef.of(EntryKind.valueOf(rs.getString("target_kind")), rs.getLong("target_id"));
        LocalDate decideBy = rs.getObject("decide_by", LocalDate.class);
        RightsApplication a = RightsApplication.restore(RightsApplication.Kind.valueOf(rs.getString("kind")), target,
                rs.getString("department_code"), rs.getObject("submitted_on", LocalDate.class),
                new Deadline(rs.getObject("accept_by", LocalDate.class), rs.getBoolean("accept_by_provisional")),
                RightsApplication.Status.valueOf(rs.getString("status")), rs.getObject("accepted_on", LocalDate.class),
                decideBy == null ? null : new Deadline(decideBy, rs.getBoolean("decide_by_provisional")),
                rs.getString("complex_reason"), rs.getObject("decided_on", LocalDate.class), rs.getString("reason"))
                .withGrantRevocation(rs.getObject("grant_revoked_on", LocalDate.class), rs.getString("grant_revocation_reason"));
        Applicant applicant = new Applicant(rs.getLong("subject_id"), rs.getString("applicant_name"),
                rs.getString("legal_representative"), rs.getString("contact_name"), rs.getString("contact_phone"),
                rs.getBoolean("commitment"), rs.getString("statement"));
        Integer version = (Integer) rs.getObject("record_version");
        return new Stored(rs.getString("number"), a, applicant, version, rs.getTimestamp("submitted_at").toInstant(),
                rs.getBoolean("false_statement"));
    }
}
