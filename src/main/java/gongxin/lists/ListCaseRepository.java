package gongxin.lists;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gongxin.calendar.Deadline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The cases, their basis, statements, entries and steps: a case is loaded whole and saved whole. */
@Repository
class ListCaseRepository {

    /**
     * A case as stored, with what the aggregate does not carry.
     *
     * @param basisRevokedAt when a record the case rests on was revoked (the first, if several), if one was
     */
    record StoredCase(long id, ListCase listCase, Long entryId, String createdBy, Instant createdAt, Contact contact,
                      Instant basisRevokedAt) {

        boolean basisRevoked() {
            return basisRevokedAt != null;
        }
    }

    /** Whom the subject may call about the case (printed on the notice). */
    record Contact(String name, String phone) {
    }

    /** One step of a case's timeline. */
    record Step(Instant at, String step, String by, Map<String, Object> details) {
    }

    private final JdbcClient jdbc;
    private final ListTypeRepository types;
    private final JsonMapper json = JsonMapper.builder().build();

    ListCaseRepository(JdbcClient jdbc, ListTypeRepository types) {
        this.jdbc = jdbc;
        this.types = types;
    }

    long insert(ListCase c, Contact contact, Instant at, String by, String idempotencyKey) {
        long id = jdbc.sql("""
                insert into lists.list_case (list_type, subject_id, status, approved, facts, contact_name, contact_phone,
                                             created_at, created_by, idempotency_key, updated_at)
                values (:type, :subject, :status, :approved, :facts, :contactName, :contactPhone, :at, :by, :key, :at)
                returning id""")
                .param("type", c.type().code()).param("subject", c.subjectId()).param("status", c.status().name())
                .param("approved", c.approved()).param("facts", c.facts())
                .param("contactName", contact == null ? null : contact.name())
                .param("contactPhone", contact == null ? null : contact.phone())
                .param("at", Timestamp.from(at)).param("by", by).param("key", idempotencyKey)
                .query(Long.class).single();
        for (ListCase.Basis b : c.basis()) {
            jdbc.sql("insert into lists.list_case_basis (case_id, record_id) values (?, ?)").params(id, b.recordId()).update();
        }
        return id;
    }

    Optional<Long> byIdempotencyKey(String by, String key) {
        return jdbc.sql("select id from lists.list_case where created_by = ? and idempotency_key = ?").params(by, key)
                .query(Long.class).optional();
    }

    /** The open case (proposed, notified or listed) of the subject on the list type, if any. */
    /**
     * A case of the subject on this list that is still going on {@code today}: proposed, notified, or listed with its
     * entry not past its last day (an entry past its end no longer counts, even before its removal is recorded, and
     * does not block a new case; issue 26, finding 11).
     */
    Optional<Long> openCase(String listType, long subjectId, LocalDate today) {
        return jdbc.sql("""
                select c.id from lists.list_case c left join lists.list_entry e on e.case_id = c.id
                 where c.list_type = ? and c.subject_id = ?
                   and (c.status in ('PROPOSED', 'NOTIFIED') or (c.status = 'LISTED' and e.ends_on >= ?))
                 limit 1""").params(listType, subjectId, today).query(Long.class).optional();
    }

    Optional<StoredCase> find(long id) {
        return load(id, false);
    }

    /** The case, locked until the transaction ends: steps on one case happen one after the other. */
    Optional<StoredCase> lock(long id) {
        return load(id, true);
    }

    Optional<Long> caseOfEntry(long entryId) {
        return jdbc.sql("select case_id from lists.list_entry where id = ? and case_id is not null").param(entryId)
                .query(Long.class).optional();
    }

    /** The cases still waiting for a step of the department (proposed or notified), of the given departments or all. */
    List<StoredCase> open(List<String> departments) {
        List<Long> ids = jdbc.sql("""
                select c.id from lists.list_case c join lists.list_type t on t.code = c.list_type
                 where c.status in ('PROPOSED', 'NOTIFIED')
                   and (cast(:all as boolean) or t.department_code = any(:departments))
                 order by c.id""")
                .param("all", departments == null).param("departments", departments == null ? new String[0] : departments.toArray(String[]::new))
                .query(Long.class).list();
        List<StoredCase> out = new ArrayList<>();
        for (long id : ids) {
            find(id).ifPresent(out::add);
        }
        return out;
    }

    /** Cases of a subject, newest first (for the staff pages). */
    List<Long> casesOf(long subjectId) {
        return jdbc.sql("select id from lists.list_case where subject_id = ? order by id desc").param(subjectId).query(Long.class).list();
    }

    private Optional<StoredCase> load(long id, boolean forUpdate) {
        Optional<Map<String, Object>> row = jdbc.sql("select * from lists.list_case where id = ?" + (forUpdate ? " for update" : ""))
                .param(id).query().listOfRows().stream().findFirst();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> r = row.get();
        ListType type = types.find((String) r.get("list_type")).orElseThrow();
        long subjectId = ((Number) r.get("subject_id")).longValue();
        List<ListCase.Basis> basis = jdbc.sql("select record_id from lists.list_case_basis where case_id = ? order by record_id")
                .param(id).query(Long.class).list().stream().map(recordId -> new ListCase.Basis(recordId, subjectId, true)).toList();
        List<ListCase.Statement> statements = jdbc.sql("select * from lists.list_statement where case_id = ? order by number")
                .param(id).query(ListCaseRepository::statement).list();
        Optional<Map<String, Object>> entryRow = jdbc.sql("select * from lists.list_entry where case_id = ?").param(id)
                .query().listOfRows().stream().findFirst();
        ListCase.Entry entry = entryRow.map(e -> new ListCase.Entry(date(e.get("listed_on")), date(e.get("removable_from")),
                date(e.get("ends_on")), (String) e.get("document_number"), date(e.get("removed_on")),
                e.get("removal_reason") == null ? null : ListCase.RemovalReason.valueOf((String) e.get("removal_reason"))))
                .orElse(null);
        Deadline statementDeadline = r.get("statement_deadline") == null ? null
                : new Deadline(date(r.get("statement_deadline")), (Boolean) r.get("statement_deadline_provisional"));
        ListCase c = ListCase.restore(type, subjectId, basis, (String) r.get("facts"), ListCase.Status.valueOf((String) r.get("status")),
                (Boolean) r.get("approved"), date(r.get("served_on")), statementDeadline, statements, entry);
        Long entryId = entryRow.map(e -> ((Number) e.get("id")).longValue()).orElse(null);
        Contact contact = r.get("contact_name") == null && r.get("contact_phone") == null ? null
                : new Contact((String) r.get("contact_name"), (String) r.get("contact_phone"));
        return Optional.of(new StoredCase(id, c, entryId, (String) r.get("created_by"), ((Timestamp) r.get("created_at")).toInstant(),
                contact, r.get("basis_revoked_at") == null ? null : ((Timestamp) r.get("basis_revoked_at")).toInstant()));
    }

    private static LocalDate date(Object value) {
        return value == null ? null : ((Date) value).toLocalDate();
    }

    private static ListCase.Statement statement(ResultSet rs, int n) throws SQLException {
        Date verify = rs.getDate("verification_deadline");
        String resolution = rs.getString("resolution");
        return new ListCase.Statement(rs.getInt("number"), rs.getDate("received_on").toLocalDate(), rs.getString("text"),
                rs.getBoolean("objection"), rs.getBoolean("late"),
                verify == null ? null : new Deadline(verify.toLocalDate(), rs.getBoolean("verification_provisional")),
                resolution == null ? null : ListCase.Resolution.valueOf(resolution), rs.getString("reason"));
    }

    /** Writes what the aggregate now holds; the entry is created by the decision and only changed by a removal. */
    void save(long id, ListCase c, Instant at) {
        Deadline deadline = c.statementDeadline();
        jdbc.sql("""
                update lists.list_case set status = :status, approved = :approved, served_on = :served,
                       statement_deadline = :deadline, statement_deadline_provisional = :provisional, updated_at = :at
                 where id = :id""")
                .param("status", c.status().name()).param("approved", c.approved()).param("served", c.servedOn())
                .param("deadline", deadline == null ? null : deadline.date())
                .param("provisional", deadline != null && deadline.provisional()).param("at", Timestamp.from(at))
                .param("id", id).update();
        for (ListCase.Statement s : c.statements()) {
            jdbc.sql("""
                    insert into lists.list_statement (case_id, number, received_on, text, objection, late,
                                                      verification_deadline, verification_provisional, resolution, reason)
                    values (:case, :number, :received, :text, :objection, :late, :verify, :provisional, :resolution, :reason)
                    on conflict (case_id, number) do update set resolution = excluded.resolution, reason = excluded.reason""")
                    .param("case", id).param("number", s.number()).param("received", s.receivedOn()).param("text", s.text())
                    .param("objection", s.objection()).param("late", s.late())
                    .param("verify", s.verificationDeadline() == null ? null : s.verificationDeadline().date())
                    .param("provisional", s.verificationDeadline() != null && s.verificationDeadline().provisional())
                    .param("resolution", s.resolution() == null ? null : s.resolution().name()).param("reason", s.reason())
                    .update();
        }
        c.entry().ifPresent(e -> jdbc.sql("""
                insert into lists.list_entry (list_type, subject_id, case_id, listed_on, removable_from, ends_on,
                                              document_number, removed_on, removal_reason, created_at)
                values (:type, :subject, :case, :listed, :removable, :ends, :document, :removed, :reason, :at)
                on conflict (case_id) do update set removed_on = excluded.removed_on, removal_reason = excluded.removal_reason""")
                .param("type", c.type().code()).param("subject", c.subjectId()).param("case", id)
                .param("listed", e.listedOn()).param("removable", e.removableFrom()).param("ends", e.endsOn())
                .param("document", e.documentNumber()).param("removed", e.removedOn())
                .param("reason", e.removalReason() == null ? null : e.removalReason().name()).param("at", Timestamp.from(at))
                .update());
    }

    /** Marks the proposed, notified and listed cases resting on the record; their ids. */
    List<Long> markBasisRevoked(long recordId, Instant at) {
        return jdbc.sql("""
                update lists.list_case c set basis_revoked_at = :at
                  from lists.list_case_basis b
                 where b.case_id = c.id and b.record_id = :record and c.status in ('PROPOSED', 'NOTIFIED', 'LISTED')
                   and c.basis_revoked_at is null
                returning c.id""").param("at", Timestamp.from(at)).param("record", recordId).query(Long.class).list();
    }

    /** Counts working days for a recomputation. */
    interface DeadlineCounter {
        Deadline add(LocalDate from, int workingDays);
    }

    /** Recomputes the provisional deadlines of notified cases; how many cases changed. */
    int recomputeProvisionalDeadlines(DeadlineCounter counter, java.util.function.ToIntFunction<LocalDate> verificationDays) {
        int changed = 0;
        for (Map<String, Object> row : jdbc.sql("""
                select c.id, c.served_on, t.statement_working_days from lists.list_case c
                  join lists.list_type t on t.code = c.list_type
                 where c.status = 'NOTIFIED' and c.statement_deadline_provisional""").query().listOfRows()) {
            Deadline d = counter.add(((Date) row.get("served_on")).toLocalDate(), ((Number) row.get("statement_working_days")).intValue());
            jdbc.sql("update lists.list_case set statement_deadline = ?, statement_deadline_provisional = ? where id = ?")
                    .params(d.date(), d.provisional(), row.get("id")).update();
            changed++;
        }
        for (Map<String, Object> row : jdbc.sql("""
                select s.case_id, s.number, s.received_on from lists.list_statement s
                  join lists.list_case c on c.id = s.case_id
                 where c.status = 'NOTIFIED' and s.verification_provisional and s.resolution is null""").query().listOfRows()) {
            LocalDate received = ((Date) row.get("received_on")).toLocalDate();
            Deadline d = counter.add(received, verificationDays.applyAsInt(received));
            jdbc.sql("update lists.list_statement set verification_deadline = ?, verification_provisional = ? where case_id = ? and number = ?")
                    .params(d.date(), d.provisional(), row.get("case_id"), row.get("number")).update();
            changed++;
        }
        return changed;
    }

    /** Listed cases whose entry is past its last day on {@code today} (of one subject and type, or all when null). */
    List<Long> listedPastTheirEnd(LocalDate today, String listType, Long subjectId) {
        return jdbc.sql("""
                select c.id from lists.list_case c join lists.list_entry e on e.case_id = c.id
                 where c.status = 'LISTED' and e.ends_on < :today
                   and (cast(:type as text) is null or c.list_type = :type) and (cast(:subject as bigint) is null or c.subject_id = :subject)
                 order by c.id""")
                .param("today", today).param("type", listType).param("subject", subjectId).query(Long.class).list();
    }

    /** Cases whose entry the platform removed because its basis fell, on or after {@code since}. */
    List<StoredCase> endedOnFallenBasisSince(List<String> departments, LocalDate since) {
        List<Long> ids = jdbc.sql("""
                select c.id from lists.list_case c join lists.list_type t on t.code = c.list_type
                  join lists.list_entry e on e.case_id = c.id
                 where c.status = 'REMOVED' and e.removal_reason = 'BASIS_REVOKED' and e.removed_on >= :since
                   and exists (select 1 from lists.list_case_step s where s.case_id = c.id and s.step = 'REMOVED' and s.by_actor = 'platform')
                   and (cast(:all as boolean) or t.department_code = any(:departments))
                 order by c.id""")
                .param("since", since).param("all", departments == null)
                .param("departments", departments == null ? new String[0] : departments.toArray(String[]::new))
                .query(Long.class).list();
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** Listed cases that wait for a removal: basis revoked, or past their last day on the list. */
    List<StoredCase> awaitingRemoval(List<String> departments, LocalDate today) {
        List<Long> ids = jdbc.sql("""
                select c.id from lists.list_case c join lists.list_type t on t.code = c.list_type
                  join lists.list_entry e on e.case_id = c.id
                 where c.status = 'LISTED' and (c.basis_revoked_at is not null or e.ends_on < :today)
                   and (cast(:all as boolean) or t.department_code = any(:departments))
                 order by c.id""")
                .param("today", today).param("all", departments == null)
                .param("departments", departments == null ? new String[0] : departments.toArray(String[]::new))
                .query(Long.class).list();
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    Optional<Long> entryOf(long caseId) {
        return jdbc.sql("select id from lists.list_entry where case_id = ?").param(caseId).query(Long.class).optional();
    }

    void step(long caseId, Instant at, String step, String by, Map<String, ?> details) {
        jdbc.sql("insert into lists.list_case_step (case_id, at, step, by_actor, details) values (?, ?, ?, ?, ?::jsonb)")
                .params(caseId, Timestamp.from(at), step, by, json.writeValueAsString(details)).update();
    }

    @SuppressWarnings("unchecked")
    List<Step> steps(long caseId) {
        return jdbc.sql("select at, step, by_actor, details::text as details from lists.list_case_step where case_id = ? order by id")
                .param(caseId).query((rs, n) -> new Step(rs.getTimestamp("at").toInstant(), rs.getString("step"),
                        rs.getString("by_actor"), json.readValue(rs.getString("details"), Map.class))).list();
    }
}
