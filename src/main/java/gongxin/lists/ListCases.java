package gongxin.lists;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gongxin.audit.AuditLog;
import gongxin.calendar.CalendarYearLoaded;
import gongxin.calendar.Calendars;
import gongxin.calendar.Deadline;
import gongxin.entries.CreditEntriesChanged;
import gongxin.entries.EntryChange;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryRef;
import gongxin.identity.Caller;
import gongxin.identity.Role;
import gongxin.records.RecordRevoked;
import gongxin.records.Records;
import gongxin.shared.NotFoundException;
import gongxin.shared.NotPermittedException;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;
import gongxin.subjects.SubjectCard;
import gongxin.subjects.SubjectReference;
import gongxin.subjects.Subjects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the serious-dishonesty procedure on stored cases: each step loads its case locked, lets {@link ListCase} decide,
 * and writes the case, its timeline and an audit entry together, or nothing when the step is refused. A decision and a
 * removal tell the website and checks at once ({@link gongxin.entries.CreditEntriesChanged}).
 */
@Service
class ListCases implements ListRepairs {

    /** How many working days before a deadline the board warns. */
    static final int WARN_WORKING_DAYS = 3;

    record Proposal(String listType, SubjectReference subject, List<Long> basis, String facts,
                    ListCaseRepository.Contact contact) {
    }

    /** A case with what staff and the documents show about it. */
    record CaseView(ListCaseRepository.StoredCase stored, SubjectCard subject, List<Records.RecordSummary> basis,
                    List<ListCaseRepository.Step> steps) {
        ListCase listCase() {
            return stored.listCase();
        }
    }

    /** A line of the reviewers' deadline board. */
    record BoardRow(long caseId, String listType, String listName, String department, String subjectName, String status,
                    String step, Deadline deadline, long workingDaysLeft, boolean overdue, boolean warned, boolean attention) {
    }

    private final ListCaseRepository cases;
    private final gongxin.catalog.RuleSets ruleSets;
    private final ListTypeRepository types;
    private final ListEntryRepository entries;
    private final Subjects subjects;
    private final Records records;
    private final Calendars calendars;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ListCases(ListCaseRepository cases, ListTypeRepository types, ListEntryRepository entries, Subjects subjects,
              Records records, Calendars calendars, gongxin.catalog.RuleSets ruleSets, AuditLog audit,
              ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.ruleSets = ruleSets;
        this.types = types;
        this.entries = entries;
        this.subjects = subjects;
        this.records = records;
        this.calendars = calendars;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The working days to verify an objection received on {@code day}: the statutory deadline in force then. */
    int verificationDays(LocalDate day) {
        return ruleSets.workingDays(ListCase.OBJECTION_VERIFICATION, day);
    }

    /**
     * A proposal by the determining department, on records of the same subject that are still in force. It waits for a
     * reviewer of the department, whoever proposed it (issue 25, finding 7). A repeated
     * {@code Idempotency-Key} answers the case it created.
     */
    @Transactional
    long propose(Caller caller, Proposal p, String idempotencyKey) {
        if (!Text.isBlank(idempotencyKey)) {
            Optional<Long> existing = cases.byIdempotencyKey(caller.name(), idempotencyKey);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        ListType type = types.find(p.listType() == null ? "" : p.listType())
                .orElseThrow(() -> RuleViolationException.of("listType", p.listType(), "exists", "名单类型不存在"));
        SubjectCard subject = subjects.find(p.subject())
                .orElseThrow(() -> RuleViolationException.of("subject", null, "subject-unknown",
                        "平台没有该主体的信用记录，认定须以其生效的记录为依据"));
        List<ListCase.Basis> basis = new ArrayList<>();
        for (Long recordId : p.basis() == null ? List.<Long>of() : p.basis()) {
            Records.RecordSummary r = recordId == null ? null : records.summary(recordId).orElse(null);
            if (r == null) {
                throw RuleViolationException.of("basis", String.valueOf(recordId), "basis-unknown", "依据记录不存在");
            }
            basis.add(new ListCase.Basis(r.id(), r.subjectId(), r.status().inForce(), r.dishonest(), r.minor(), r.itemCode(),
                    r.departmentCode()));
        }
        ListCase c = ListCase.propose(type, subject.id(), basis, p.facts(), acting(caller, type));
        // a listing past its end is over, recorded or not: recorded now, so that it does not block this case
        endPastTheirEnd(type.code(), subject.id());
        if (cases.openCase(type.code(), subject.id(), today()).isPresent()) {
            throw RuleViolationException.of("subject", null, "open-case", "该主体在此名单上已有未结束的案件");
        }
        Instant now = clock.instant();
        long id = cases.insert(c, p.contact(), now, caller.name(), Text.isBlank(idempotencyKey) ? null : idempotencyKey);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("listType", type.code());
        details.put("subjectId", subject.id());
        details.put("basis", basis.stream().map(ListCase.Basis::recordId).toList());
        details.put("approved", c.approved());
        step(id, now, "PROPOSED", caller, details);
        return id;
    }

    /**
     * A reviewer of the determining department (a person: API clients have no roles) approves a proposal; never the
     * person who proposed it (a second pair of eyes on the heaviest thing the platform does).
     */
    @Transactional
    void approve(Caller caller, long id) {
        ListCaseRepository.StoredCase stored = locked(id);
        if (!caller.hasRole(Role.REVIEWER)) {
            throw NotPermittedException.of("role", null, "reviewer-required", "只有审核员可以审核认定提议");
        }
        stored.listCase().approve(acting(caller, stored.listCase().type()));
        if (stored.createdBy().equals(caller.name())) {
            throw NotPermittedException.of("approvedBy", caller.name(), "four-eyes", "提出认定的人不能审核自己的提议");
        }
        save(stored, caller, "APPROVED", Map.of());
    }

    @Transactional
    Deadline notify(Caller caller, long id, LocalDate servedOn) {
        ListCaseRepository.StoredCase stored = locked(id);
        ListCase.requireEffective(currentBasis(stored.listCase()));
        Deadline deadline = stored.listCase().notify(servedOn, today(), calendars.current(), acting(caller, stored.listCase().type()));
        save(stored, caller, "NOTIFIED", Map.of("servedOn", servedOn.toString(), "statementDeadline", deadline.date().toString()));
        return deadline;
    }

    @Transactional
    ListCase.Statement receive(Caller caller, long id, LocalDate receivedOn, String text, boolean objection) {
        ListCaseRepository.StoredCase stored = locked(id);
        ListCase.Statement s = stored.listCase().receive(receivedOn, text, objection, today(), calendars.current(),
                this::verificationDays, acting(caller, stored.listCase().type()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("statement", s.number());
        details.put("receivedOn", receivedOn.toString());
        details.put("objection", objection);
        details.put("late", s.late());
        details.put("verificationDeadline", s.verificationDeadline() == null ? null : s.verificationDeadline().date().toString());
        save(stored, caller, objection ? "OBJECTION_RECEIVED" : "STATEMENT_RECEIVED", details);
        return s;
    }

    @Transactional
    ListCase.Status resolve(Caller caller, long id, int statement, ListCase.Resolution resolution, String reason) {
        ListCaseRepository.StoredCase stored = locked(id);
        stored.listCase().resolve(statement, resolution, reason, acting(caller, stored.listCase().type()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("statement", statement);
        details.put("outcome", resolution.name());
        details.put("reason", reason.strip());
        save(stored, caller, "OBJECTION_RESOLVED", details);
        if (stored.listCase().status() == ListCase.Status.DROPPED) {
            cases.step(id, clock.instant(), "DROPPED", caller.name(), Map.of("reason", "异议成立"));
        }
        return stored.listCase().status();
    }

    /** The department ends a case before any decision; the reason goes into the timeline. */
    @Transactional
    void withdraw(Caller caller, long id, String reason) {
        ListCaseRepository.StoredCase stored = locked(id);
        stored.listCase().withdraw(reason, acting(caller, stored.listCase().type()));
        save(stored, caller, "DROPPED", Map.of("reason", reason.strip()));
    }

    /** The decision: the entry is made and the subject is on the list page, its subject page and in checks at once. */
    @Transactional
    Listed decide(Caller caller, long id, LocalDate decidedOn, String documentNumber) {
        ListCaseRepository.StoredCase stored = locked(id);
        ListCase.requireEffective(currentBasis(stored.listCase()));
        ListCase.Entry entry = stored.listCase().decide(decidedOn, documentNumber, today(), acting(caller, stored.listCase().type()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decidedOn", decidedOn.toString());
        details.put("documentNumber", entry.documentNumber());
        details.put("removableFrom", entry.removableFrom().toString());
        details.put("endsOn", entry.endsOn().toString());
        save(stored, caller, "LISTED", details);
        long entryId = cases.entryOf(id).orElseThrow();
        flagRedEntries(List.of(stored.listCase().subjectId()), "列入" + stored.listCase().type().name());
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.LIST_ENTRY, entryId), EntryChange.LISTED));
        return new Listed(entryId, entry);
    }

    /** What a decision made: the entry and its id. */
    record Listed(long entryId, ListCase.Entry entry) {
    }

    /** Whether the entry was made by a case's decision (a dishonesty list) rather than imported. */
    boolean decidedByCase(long entryId) {
        return cases.caseOfEntry(entryId).isPresent();
    }

    /** The entry leaves the list; the case and the entry keep their history. */
    @Transactional
    long remove(Caller caller, long entryId, LocalDate on, ListCase.RemovalReason reason, ListCase.CourtDecision court) {
        long id = cases.caseOfEntry(entryId).orElseThrow(() -> new NotFoundException("没有该名单条目"));
        ListCaseRepository.StoredCase stored = locked(id);
        stored.listCase().remove(on, reason, today(), acting(caller, stored.listCase().type()), currentBasis(stored.listCase()),
                stored.basisRevokedAt() == null ? null : stored.basisRevokedAt().atZone(clock.getZone()).toLocalDate(), court);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("on", on.toString());
        details.put("reason", reason.name());
        details.put("entry", entryId);
        if (reason == ListCase.RemovalReason.COURT_DECISION) {
            details.put("courtDecision", court.details());
        }
        save(stored, caller, "REMOVED", details);
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.LIST_ENTRY, entryId), EntryChange.REMOVED));
        return id;
    }

    @Override
    public java.util.Optional<LocalDate> repairableFrom(long entryId) {
        return cases.caseOfEntry(entryId).flatMap(cases::find).map(ListCaseRepository.StoredCase::listCase)
                .filter(c -> c.status() == ListCase.Status.LISTED).flatMap(ListCase::entry).map(ListCase.Entry::removableFrom);
    }

    @Override
    @Transactional
    public void removeOnRepair(Caller caller, long entryId, LocalDate on, String applicationNumber) {
        long id = cases.caseOfEntry(entryId).orElseThrow(() -> new NotFoundException("没有该名单条目"));
        ListCaseRepository.StoredCase stored = locked(id);
        stored.listCase().removeOnRepair(on, today(), acting(caller, stored.listCase().type()));
        save(stored, caller, "REMOVED", Map.of("on", on.toString(), "reason", "REPAIRED", "entry", entryId,
                "application", applicationNumber));
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.LIST_ENTRY, entryId), EntryChange.REMOVED));
    }

    @Override
    @Transactional
    public void reinstateOnRepairRevoked(Caller caller, long entryId, LocalDate on, String applicationNumber, String reason) {
        long id = cases.caseOfEntry(entryId).orElseThrow(() -> new NotFoundException("没有该名单条目"));
        ListCaseRepository.StoredCase stored = locked(id);
        ListCase.Entry entry = stored.listCase().reinstateAfterRepairRevoked(today(), acting(caller, stored.listCase().type()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("on", on.toString());
        details.put("entry", entryId);
        details.put("application", applicationNumber);
        details.put("reason", reason);
        if (entry.removedOn() != null) {
            details.put("endedOn", entry.removedOn().toString());
        }
        save(stored, caller, "REINSTATED", details);
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.LIST_ENTRY, entryId), EntryChange.REPAIR_REVOKED));
    }

    @Override
    @Transactional
    public void removeOnObjection(String actor, long entryId, LocalDate on, String applicationNumber) {
        java.util.Optional<Long> caseId = cases.caseOfEntry(entryId);
        if (caseId.isPresent()) {
            ListCaseRepository.StoredCase stored = locked(caseId.get());
            ListCase.Entry entry = stored.listCase().removeOnObjection(on, today(), stored.listCase().type().departmentCode());
            entries.clearObjection(entryId, applicationNumber);
            recordRemoval(stored, entry, actor, Map.of("application", applicationNumber));
        } else {
            entries.removeImportedOnObjection(entryId, on);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("on", on.toString());
            details.put("reason", ListCase.RemovalReason.OBJECTION.name());
            details.put("entry", entryId);
            details.put("application", applicationNumber);
            audit.recordAs(actor, "LIST_ENTRY_REMOVED", "list_entry", Long.toString(entryId), details);
            events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.LIST_ENTRY, entryId), EntryChange.REMOVED));
        }
    }

    /**
     * A subject that got a dishonesty record or list entry is no longer trustworthy: its red-list entries are flagged
     * for removal at once and stop counting (动态管理).
     */
    void flagRedEntries(List<Long> subjectIds, String reason) {
        if (subjectIds.isEmpty()) {
            return;
        }
        for (Map<String, Object> flagged : entries.flagRedEntries(subjectIds, reason, clock.instant())) {
            long entryId = ((Number) flagged.get("id")).longValue();
            audit.record("RED_LIST_ENTRY_FLAGGED", "list_entry", Long.toString(entryId), Map.of("reason", reason));
            events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.LIST_ENTRY, entryId), EntryChange.FLAGGED));
        }
    }

    /** A case for staff of its department, the credit office's administrators and auditors. */
    /**
     * A case was read: audited with its purpose; read by anyone but the determining department (the credit office, its
     * auditors), it is also a line of the subject's query history (issue 24, 4: who queried me).
     */
    void audited(Caller caller, CaseView view, gongxin.audit.Purpose purpose, Map<String, ?> details) {
        String id = Long.toString(view.stored().id());
        if (caller.mayActFor(view.listCase().type().departmentCode())) {
            audit.recordRead("list_case", id, purpose, details);
        } else {
            audit.recordSubjectsRead("CASE", "list_case", id, purpose, details, null, List.of(view.listCase().subjectId()));
        }
    }

    CaseView view(Caller caller, long id) {
        ListCaseRepository.StoredCase stored = cases.find(id).orElseThrow(() -> new NotFoundException("没有该认定案件"));
        if (!caller.seesEveryDepartment() && !caller.mayActFor(stored.listCase().type().departmentCode())) {
            throw NotPermittedException.of("listType", stored.listCase().type().code(), "not-determining-department",
                    "只有认定部门可以查看该名单的案件");
        }
        SubjectCard subject = subjects.card(stored.listCase().subjectId()).orElseThrow();
        List<Records.RecordSummary> basis = stored.listCase().basis().stream()
                .map(b -> records.summary(b.recordId()).orElse(null)).filter(java.util.Objects::nonNull).toList();
        return new CaseView(stored, subject, basis, cases.steps(id));
    }

    /**
     * Every open case of the caller's departments (all for the credit office) with its next deadline: overdue first,
     * then the nearest. Warned from {@link #WARN_WORKING_DAYS} working days before.
     */
    List<BoardRow> board(Caller caller) {
        LocalDate today = today();
        var calendar = calendars.current();
        List<BoardRow> rows = new ArrayList<>();
        for (ListCaseRepository.StoredCase stored : cases.open(caller.seesEveryDepartment() ? null : List.copyOf(caller.departments()))) {
            ListCase c = stored.listCase();
            String subjectName = subjects.card(c.subjectId()).map(SubjectCard::name).orElse("");
            Optional<Deadline> next = c.nextDeadline();
            // an objection's verification deadline can be missed; the end of the statement period only opens the decision
            boolean verifying = c.statements().stream().anyMatch(ListCase.Statement::open);
            String step;
            long left = 0;
            boolean overdue = false;
            boolean warned = false;
            if (c.status() == ListCase.Status.PROPOSED) {
                step = c.approved() ? "待送达告知书" : "待审核";
            } else if (verifying) {
                step = "异议待核实";
            } else {
                step = next.isPresent() && next.get().date().isBefore(today) ? "可作出认定决定" : "陈述申辩期";
            }
            if (next.isPresent()) {
                LocalDate due = next.get().date();
                left = due.isBefore(today) ? -calendar.workingDaysBetween(due, today).days()
                        : calendar.workingDaysBetween(today, due).days();
                overdue = verifying && due.isBefore(today);
                warned = verifying && !overdue && left <= WARN_WORKING_DAYS;
            }
            boolean revoked = stored.basisRevoked();
            if (revoked) {
                step = "依据已撤销：不能继续认定，请终止案件";
            }
            rows.add(new BoardRow(stored.id(), c.type().code(), c.type().name(), c.type().departmentCode(), subjectName,
                    c.status().name(), step, next.orElse(null), left, overdue, warned, revoked));
        }
        for (ListCaseRepository.StoredCase stored : cases.awaitingRemoval(caller.seesEveryDepartment() ? null
                : List.copyOf(caller.departments()), today)) {
            ListCase c = stored.listCase();
            String subjectName = subjects.card(c.subjectId()).map(SubjectCard::name).orElse("");
            // a listed case still marked rests on another record too (one without any basis left is removed at once)
            String step = stored.basisRevoked() ? "部分依据已撤销：请复核是否移出名单"
                    : "列入期满（" + c.entry().orElseThrow().endsOn() + "）：请移出名单";
            rows.add(new BoardRow(stored.id(), c.type().code(), c.type().name(), c.type().departmentCode(), subjectName,
                    c.status().name(), step, null, 0, false, false, true));
        }
        // entries the platform took off because their basis fell: shown to the department for 30 days
        for (ListCaseRepository.StoredCase stored : cases.endedOnFallenBasisSince(caller.seesEveryDepartment() ? null
                : List.copyOf(caller.departments()), today.minusDays(30))) {
            ListCase c = stored.listCase();
            String subjectName = subjects.card(c.subjectId()).map(SubjectCard::name).orElse("");
            rows.add(new BoardRow(stored.id(), c.type().code(), c.type().name(), c.type().departmentCode(), subjectName,
                    c.status().name(), "依据已撤销：已于 " + c.entry().orElseThrow().removedOn() + " 自动移出名单", null, 0, false,
                    false, true));
        }
        rows.sort(Comparator.comparing((BoardRow r) -> r.overdue() || r.attention()).reversed()
                .thenComparing(r -> r.deadline() == null ? LocalDate.MAX : r.deadline().date()));
        return rows;
    }

    List<ListEntries.Entry> entriesOf(long subjectId) {
        return entries.ofSubject(subjectId);
    }

    /** The case's basis as the records stand now. */
    private List<ListCase.Basis> currentBasis(ListCase c) {
        return c.basis().stream().map(b -> new ListCase.Basis(b.recordId(), b.subjectId(),
                records.summary(b.recordId()).map(r -> r.status().inForce()).orElse(false))).toList();
    }

    /**
     * Records the end of listed entries past their last day (EXPIRED, the day after it, by the platform): every night
     * for all, and before a proposal for its subject. How many ended.
     */
    @Transactional
    public int endPastTheirEnd(String listType, Long subjectId) {
        LocalDate today = today();
        int ended = 0;
        for (long caseId : cases.listedPastTheirEnd(today, listType, subjectId)) {
            ListCaseRepository.StoredCase stored = locked(caseId);
            java.util.Optional<ListCase.Entry> entry = stored.listCase().endAtItsEnd(today);
            if (entry.isPresent()) {
                recordRemoval(stored, entry.get(), "platform", Map.of());
                ended++;
            }
        }
        return ended;
    }

    /** Stores an entry taken off a list without a person's removal (by {@code actor}), with a step and an audit entry. */
    private void recordRemoval(ListCaseRepository.StoredCase stored, ListCase.Entry entry, String actor, Map<String, Object> why) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("on", entry.removedOn().toString());
        details.put("reason", entry.removalReason().name());
        details.put("entry", stored.entryId());
        details.putAll(why);
        Instant now = clock.instant();
        cases.save(stored.id(), stored.listCase(), now);
        cases.step(stored.id(), now, "REMOVED", actor, details);
        audit.recordAs(actor, "LIST_CASE_REMOVED", "list_case", Long.toString(stored.id()), details);
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.LIST_ENTRY, stored.entryId()), EntryChange.REMOVED));
    }

    @org.springframework.scheduling.annotation.Scheduled(cron = "${gongxin.lists.expiry-cron:0 5 0 * * *}", zone = "${gongxin.zone:Asia/Shanghai}")
    @Transactional
    public void endExpiredEveryNight() {
        endPastTheirEnd(null, null);
    }

    /**
     * A basis record was revoked: its open and listed cases are marked (a timeline step and the board). A listed
     * entry with no basis left in force leaves the list at once, on the day of the revocation ({@code BASIS_REVOKED},
     * a step in its case and an audit entry by the platform; its department sees it on the board): a listing may not
     * outlive its legal basis (issue 26, finding 2). One that still rests on another record stays for the department.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordRevoked event) {
        LocalDate revokedOn = event.revokedAt().atZone(clock.getZone()).toLocalDate();
        for (long caseId : cases.markBasisRevoked(event.recordId(), event.revokedAt())) {
            cases.step(caseId, clock.instant(), "BASIS_REVOKED", "platform", Map.of("record", event.recordId()));
            ListCaseRepository.StoredCase stored = locked(caseId);
            stored.listCase().endOnFallenBasis(revokedOn, currentBasis(stored.listCase()))
                    .ifPresent(entry -> recordRemoval(stored, entry, "platform", Map.of("record", event.recordId())));
        }
    }

    /**
     * A year of the statutory calendar was loaded: deadlines of open cases counted through it on weekends alone are
     * counted again on the real calendar (the statement deadline and objections' verification deadlines).
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CalendarYearLoaded event) {
        var calendar = calendars.current();
        int recomputed = cases.recomputeProvisionalDeadlines((from, days) -> calendar.addWorkingDays(from, days),
                this::verificationDays);
        if (recomputed > 0) {
            audit.recordAs("platform", "LIST_DEADLINES_RECOMPUTED", "calendar_year", Integer.toString(event.year()),
                    Map.of("cases", recomputed));
        }
    }

    private ListCaseRepository.StoredCase locked(long id) {
        return cases.lock(id).orElseThrow(() -> new NotFoundException("没有该认定案件"));
    }

    private void save(ListCaseRepository.StoredCase stored, Caller caller, String step, Map<String, ?> details) {
        Instant now = clock.instant();
        cases.save(stored.id(), stored.listCase(), now);
        step(stored.id(), now, step, caller, details);
    }

    private void step(long id, Instant at, String step, Caller caller, Map<String, ?> details) {
        cases.step(id, at, step, caller.name(), details);
        audit.recordAs(caller.name(), "LIST_CASE_" + step, "list_case", Long.toString(id), details);
    }

    /** The department the caller acts for on a case of this type: the determining one if it may, else its own. */
    private static String acting(Caller caller, ListType type) {
        return caller.mayActFor(type.departmentCode()) ? type.departmentCode() : caller.departmentCode();
    }
}
