package gongxin.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import gongxin.calendar.Deadline;
import gongxin.calendar.WorkingCalendar;
import gongxin.shared.NotPermittedException;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;

/**
 * One case of putting a subject on a serious-dishonesty list, from proposal to removal, as the law orders the steps
 * (国办发〔2020〕49号; the city plans; credit-rules.md §3): a proposal on legally effective records of the same subject,
 * approved by a reviewer, a prior notice served, the statement period, every objection verified within 10 working days,
 * the decision, and the removal. Each step refuses what the law forbids with a named rule (docs/api.md, "Lists") and
 * changes nothing when it does; only the determining department acts on its cases (谁认定、谁负责). Dates entered by
 * staff are the real dates of paper steps: never in the future, in the order of the steps.
 */
final class ListCase {

    /** Where a case stands. */
    enum Status { PROPOSED, NOTIFIED, LISTED, DROPPED, REMOVED }

    /** Why an entry leaves the list. */
    enum RemovalReason { EXPIRED, REPAIRED, BASIS_REVOKED, COURT_DECISION, OBJECTION }

    /** What a reviewer found an objection to be: ACCEPTED drops the case. */
    enum Resolution { ACCEPTED, REJECTED }

    /**
     * The court's document a {@code COURT_DECISION} removal rests on (a ruling or decision: the enforcement court
     * deleting a debtor who performed, a judgment annulling the listing). Issue 26: a removal without it, or dated
     * before it, would rewrite what checks answered before the court decided.
     */
    record CourtDecision(String number, LocalDate date) {

        /** Refuses a court removal without its document, with a document dated after today, or dated before it. */
        static void check(RemovalReason reason, CourtDecision court, LocalDate on, LocalDate today) {
            if (reason == RemovalReason.COURT_DECISION) {
                require(court, on, today);
            }
        }

        /** As a removal's step and audit record it. */
        java.util.Map<String, String> details() {
            return java.util.Map.of("number", number.strip(), "date", date.toString());
        }

        /** The same for any list's removal by a court (imported lists have reasons of their own). */
        static void require(CourtDecision court, LocalDate on, LocalDate today) {
            if (court == null || court.number() == null || court.number().isBlank() || court.date() == null) {
                throw RuleViolationException.of("courtDecision", null, "court-decision-required",
                        "依人民法院裁判移出，须写明裁判文书号和作出日期");
            }
            if (court.date().isAfter(today)) {
                throw RuleViolationException.of("courtDecision.date", court.date().toString(), "not-future", "裁判日期不能晚于今天");
            }
            if (on != null && on.isBefore(court.date())) {
                throw RuleViolationException.of("on", on.toString(), "before-ground",
                        "人民法院裁判于 " + court.date() + " 作出，移出日期不能早于该日");
            }
        }
    }

    /**
     * The statutory deadline within which an objection is verified, in working days from its receipt (the Guannan
     * and Nanjing plans: 10), as data in the catalog's deadline table, the same one rights use.
     */
    static final String OBJECTION_VERIFICATION = "OBJECTION_VERIFICATION";

    /**
     * A record the proposal rests on, as the records module describes it.
     *
     * @param effective not revoked, not repaired: still a legally effective basis
     * @param dishonest the record is dishonesty information (not a neutral record such as a licence, not a penalty the
     *                  rules exempt, such as one by 简易程序)
     * @param minor the subject was a minor: a minor's penalty is not published nor used for listing (Administrative
     *              Penalty Law art. 30; the plans' lenient treatment of minors)
     */
    record Basis(long recordId, long subjectId, boolean effective, boolean dishonest, boolean minor, String itemCode,
                 String departmentCode) {

        /** A basis as a case keeps it once proposed: only whether it still stands is looked at again. */
        Basis(long recordId, long subjectId, boolean effective) {
            this(recordId, subjectId, effective, true, false, null, null);
        }
    }

    /**
     * A statement or objection of the subject.
     *
     * @param late received after the statement period: recorded, and it does not hold up the decision
     * @param verificationDeadline for an objection in time: the last day to verify it
     */
    record Statement(int number, LocalDate receivedOn, String text, boolean objection, boolean late,
                     Deadline verificationDeadline, Resolution resolution, String reason) {

        public boolean open() {
            return objection && !late && resolution == null;
        }
    }

    /**
     * The entry on the list that a decision makes.
     *
     * @param removableFrom the first day it may be removed on repair (the type's minimum period)
     * @param endsOn its last day on the list (the type's maximum period; Civil Code art. 201–202: a period of months
     *               ends on the corresponding day)
     */
    record Entry(LocalDate listedOn, LocalDate removableFrom, LocalDate endsOn, String documentNumber, LocalDate removedOn,
                 RemovalReason removalReason) {
    }

    private final ListType type;
    private final long subjectId;
    private final List<Basis> basis;
    private final String facts;
    private Status status = Status.PROPOSED;
    private boolean approved;
    private LocalDate servedOn;
    private Deadline statementDeadline;
    private final List<Statement> statements = new ArrayList<>();
    private Entry entry;

    private ListCase(ListType type, long subjectId, List<Basis> basis, String facts, boolean approved) {
        this.type = type;
        this.subjectId = subjectId;
        this.basis = List.copyOf(basis);
        this.facts = facts;
        this.approved = approved;
    }

    /**
     * A proposal by the determining department. Whatever its channel (an operator, or the department's system with a
     * {@code submit} key), it waits for a reviewer of the department, a person on the case's page (issue 25, finding
     * 7: a leaked key alone must not list a company; the contract, "The procedures").
     */
    static ListCase propose(ListType type, long subjectId, List<Basis> basis, String facts, String actingDepartment) {
        determining(type, actingDepartment);
        if (type.kind() != ListKind.DISHONESTY || type.upstream()) {
            throw RuleViolationException.of("listType", type.code(), "not-proposable",
                    "该名单不由本平台认定（守信激励名单或上游名单），不能提出认定");
        }
        if (basis == null || basis.isEmpty()) {
            throw RuleViolationException.of("basis", null, "basis-required", "认定须以生效的法律文书（判决、处罚决定等）为依据");
        }
        for (Basis b : basis) {
            if (b.subjectId() != subjectId) {
                throw RuleViolationException.of("basis", Long.toString(b.recordId()), "basis-subject", "依据记录的主体与被认定主体不同");
            }
        }
        requireEffective(basis);
        for (Basis b : basis) {
            requireDishonesty(type, b);
        }
        if (Text.isBlank(facts)) {
            throw RuleViolationException.of("facts", null, "facts-required", "请写明认定的事实");
        }
        gongxin.shared.RuleViolation tooLong = Text.tooLong("facts", facts, 5000, "认定事实");
        if (tooLong != null) {
            throw new RuleViolationException("认定事实过长", List.of(tooLong));
        }
        return new ListCase(type, subjectId, basis, facts.strip(), false);
    }

    /**
     * A serious-dishonesty listing rests only on dishonesty information of the list's domain, of an adult, decided by
     * an authority the list type accepts (国办发〔2020〕49号, art. 2; the city plans; issue 26, finding 1): not on a
     * licence, not on a penalty the rules exempt from dishonesty (简易程序, first offence not penalised), not on a
     * minor's penalty.
     */
    static void requireDishonesty(ListType type, Basis b) {
        String id = Long.toString(b.recordId());
        if (!b.dishonest()) {
            throw RuleViolationException.of("basis", id, "basis-not-dishonesty",
                    "依据记录不是失信信息（如行政许可、适用简易程序的处罚等），不能作为列入严重失信主体名单的依据");
        }
        if (b.minor()) {
            throw RuleViolationException.of("basis", id, "basis-not-dishonesty", "未成年人的违法记录不作为列入严重失信主体名单的依据");
        }
        if (b.itemCode() != null && !type.acceptedBasis().acceptsItem(b.itemCode())) {
            throw RuleViolationException.of("basis", id, "basis-not-dishonesty",
                    "依据记录（" + b.itemCode() + "）不属于该名单的认定领域，该名单只以 " + String.join("、", type.acceptedBasis().items())
                            + " 为依据");
        }
        if (b.departmentCode() != null && !type.acceptedBasis().acceptsDepartment(b.departmentCode())) {
            throw RuleViolationException.of("basis", id, "basis-authority",
                    "依据记录由 " + b.departmentCode() + " 作出，该名单只接受 " + String.join("、", type.acceptedBasis().departments())
                            + " 作出的决定");
        }
    }

    /**
     * The basis must still stand at each step that moves towards listing (proposal, notice, decision): a record
     * revoked or repaired meanwhile takes the case's ground away (credit-rules §3: information follows its basis).
     */
    static void requireEffective(List<Basis> basis) {
        for (Basis b : basis) {
            if (!b.effective()) {
                throw RuleViolationException.of("basis", Long.toString(b.recordId()), "basis-not-effective",
                        "依据记录已被撤销或已修复，不再是生效的依据");
            }
        }
    }

    /** A case as stored, with every step it went through. */
    static ListCase restore(ListType type, long subjectId, List<Basis> basis, String facts, Status status, boolean approved,
                            LocalDate servedOn, Deadline statementDeadline, List<Statement> statements, Entry entry) {
        ListCase c = new ListCase(type, subjectId, basis, facts, approved);
        c.status = status;
        c.servedOn = servedOn;
        c.statementDeadline = statementDeadline;
        c.statements.addAll(statements);
        c.entry = entry;
        return c;
    }

    /** A reviewer of the determining department approves an operator's proposal before any notice. */
    void approve(String actingDepartment) {
        determining(type, actingDepartment);
        if (status != Status.PROPOSED || approved) {
            throw RuleViolationException.of("status", status.name(), "not-awaiting-approval", "该案件不在待审核状态");
        }
        approved = true;
    }

    /**
     * The prior notice (告知书) was served: the statement period runs from the day after, in working days on the
     * statutory calendar. Nothing is listed before it ends.
     */
    Deadline notify(LocalDate servedOn, LocalDate today, WorkingCalendar calendar, String actingDepartment) {
        determining(type, actingDepartment);
        if (status != Status.PROPOSED) {
            throw RuleViolationException.of("status", status.name(), "already-notified", "该案件已送达告知书或已结束");
        }
        if (!approved) {
            throw RuleViolationException.of("status", status.name(), "not-approved", "认定提议须经本部门审核员在案件页面审核后才能送达告知书");
        }
        notInFuture("servedOn", servedOn, today);
        this.servedOn = servedOn;
        this.statementDeadline = calendar.addWorkingDays(servedOn, type.statementWorkingDays());
        this.status = Status.NOTIFIED;
        return statementDeadline;
    }

    /**
     * A statement or objection received. An objection in time must be verified within 10 working days; one received
     * after the statement period is recorded as late and does not hold up the decision.
     */
    Statement receive(LocalDate receivedOn, String text, boolean objection, LocalDate today, WorkingCalendar calendar,
                      java.util.function.ToIntFunction<LocalDate> verificationWorkingDays, String actingDepartment) {
        determining(type, actingDepartment);
        if (status != Status.NOTIFIED) {
            throw RuleViolationException.of("status", status.name(), "not-notified", "告知书送达后方可受理陈述申辩");
        }
        notInFuture("receivedOn", receivedOn, today);
        if (receivedOn.isBefore(servedOn)) {
            throw RuleViolationException.of("receivedOn", receivedOn.toString(), "before-notice", "收到日期不能早于告知书送达日期");
        }
        if (Text.isBlank(text)) {
            throw RuleViolationException.of("text", null, "required", "请录入陈述申辩的内容");
        }
        gongxin.shared.RuleViolation tooLong = Text.tooLong("text", text, 10000, "陈述申辩");
        if (tooLong != null) {
            throw new RuleViolationException("陈述申辩过长", List.of(tooLong));
        }
        boolean late = receivedOn.isAfter(statementDeadline.date());
        Deadline verifyBy = objection && !late ? calendar.addWorkingDays(receivedOn, verificationWorkingDays.applyAsInt(receivedOn)) : null;
        Statement statement = new Statement(statements.size() + 1, receivedOn, text.strip(), objection, late, verifyBy, null, null);
        statements.add(statement);
        return statement;
    }

    /** The department's verification of an objection: ACCEPTED ends the case, REJECTED lets it go on. */
    void resolve(int number, Resolution resolution, String reason, String actingDepartment) {
        determining(type, actingDepartment);
        Statement s = statement(number).filter(Statement::objection)
                .orElseThrow(() -> RuleViolationException.of("statement", Integer.toString(number), "unknown-objection", "没有这项异议"));
        if (s.resolution() != null) {
            throw RuleViolationException.of("statement", Integer.toString(number), "already-resolved", "该异议已核实处理");
        }
        if (resolution == null || Text.isBlank(reason)) {
            throw RuleViolationException.of("reason", null, "reason-required", "请选择核实结果并写明理由");
        }
        statements.set(number - 1, new Statement(s.number(), s.receivedOn(), s.text(), true, s.late(), s.verificationDeadline(),
                resolution, reason.strip()));
        if (resolution == Resolution.ACCEPTED) {
            status = Status.DROPPED;
        }
    }

    /**
     * The department ends a case without listing (its basis fell, the facts did not hold): only before a decision, and
     * with the reason recorded.
     */
    void withdraw(String reason, String actingDepartment) {
        determining(type, actingDepartment);
        if (status != Status.PROPOSED && status != Status.NOTIFIED) {
            throw RuleViolationException.of("status", status.name(), "not-open", "只有尚未作出决定的案件可以终止");
        }
        if (Text.isBlank(reason)) {
            throw RuleViolationException.of("reason", null, "reason-required", "请写明终止认定的理由");
        }
        status = Status.DROPPED;
    }

    /**
     * The decision (认定决定书): only after the statement period has ended and with no objection open. The entry stays
     * at least the type's minimum and ends by itself after its maximum.
     */
    Entry decide(LocalDate decidedOn, String documentNumber, LocalDate today, String actingDepartment) {
        determining(type, actingDepartment);
        if (status != Status.NOTIFIED) {
            throw RuleViolationException.of("status", status.name(), "not-notified", "未送达告知书的案件不能作出认定决定");
        }
        notInFuture("decidedOn", decidedOn, today);
        if (!decidedOn.isAfter(statementDeadline.date())) {
            throw RuleViolationException.of("decidedOn", decidedOn.toString(), "statement-period",
                    "陈述申辩期至 " + statementDeadline.date() + " 届满，届满前不能作出认定决定");
        }
        if (statements.stream().anyMatch(Statement::open)) {
            throw RuleViolationException.of("status", status.name(), "open-objection", "尚有异议未核实处理，不能作出认定决定");
        }
        if (Text.isBlank(documentNumber)) {
            throw RuleViolationException.of("documentNumber", null, "required", "请填写认定决定书文号");
        }
        entry = new Entry(decidedOn, type.removableFrom(decidedOn), decidedOn.plusMonths(type.maximumMonths()),
                documentNumber.strip(), null, null);
        status = Status.LISTED;
        return entry;
    }

    /**
     * The department takes the entry off the list: at its end, when its basis fell, or by a court. Repair is not among
     * the reasons it may give: a repair is decided on an application (rights), which calls {@link #removeOnRepair}; and
     * {@code BASIS_REVOKED} needs a basis record that is no longer in force (issue 26, finding 11).
     *
     * @param current the case's basis records as they stand now
     */
    Entry remove(LocalDate on, RemovalReason reason, LocalDate today, String actingDepartment, List<Basis> current) {
        return remove(on, reason, today, actingDepartment, current, null, null);
    }

    /**
     * @param basisFellOn the day a basis record was revoked, if one was: a {@code BASIS_REVOKED} removal is not dated
     *                    before it (a removal backdated before its ground would rewrite what checks answered then)
     * @param court the court's document of a {@code COURT_DECISION} removal, which it needs and is not dated before
     */
    Entry remove(LocalDate on, RemovalReason reason, LocalDate today, String actingDepartment, List<Basis> current,
                 LocalDate basisFellOn, CourtDecision court) {
        CourtDecision.check(reason, court, on, today);
        if (reason == RemovalReason.BASIS_REVOKED && basisFellOn != null && on != null && on.isBefore(basisFellOn)) {
            throw RuleViolationException.of("on", on.toString(), "before-ground",
                    "认定依据于 " + basisFellOn + " 被撤销，移出日期不能早于该日");
        }
        if (reason == RemovalReason.OBJECTION) {
            throw RuleViolationException.of("reason", reason.name(), "objection-required",
                    "因异议成立移出须通过异议申请办理，不能直接登记");
        }
        if (reason == RemovalReason.REPAIRED) {
            throw RuleViolationException.of("reason", reason.name(), "repair-required",
                    "经信用修复移出须通过信用修复申请办理，不能直接登记");
        }
        if (reason == RemovalReason.BASIS_REVOKED && current.stream().allMatch(Basis::effective)) {
            throw RuleViolationException.of("reason", reason.name(), "basis-stands", "认定依据仍然有效，不能以“依据已撤销”移出");
        }
        return end(on, reason, today, actingDepartment);
    }

    /** An objection found the listing wrong (异议成立): the entry leaves the list on the decision. */
    Entry removeOnObjection(LocalDate on, LocalDate today, String actingDepartment) {
        return end(on, RemovalReason.OBJECTION, today, actingDepartment);
    }

    /** A repair was granted on an application: the entry leaves the list, not before its minimum period has ended. */
    Entry removeOnRepair(LocalDate on, LocalDate today, String actingDepartment) {
        return end(on, RemovalReason.REPAIRED, today, actingDepartment);
    }

    /**
     * The repair that took the entry off the list was revoked (it rested on false material; the commitment letter:
     * 接受信用修复被撤销): the entry is back on the list as decided, until its own end; if that end has passed
     * meanwhile, it ended then (EXPIRED). The removal and the reinstatement stay in the case's steps.
     */
    Entry reinstateAfterRepairRevoked(LocalDate today, String actingDepartment) {
        determining(type, actingDepartment);
        if (status != Status.REMOVED || entry == null || entry.removalReason() != RemovalReason.REPAIRED) {
            throw RuleViolationException.of("status", status.name(), "not-repaired", "该名单条目不是经信用修复移出的，没有可撤销的修复");
        }
        entry = new Entry(entry.listedOn(), entry.removableFrom(), entry.endsOn(), entry.documentNumber(), null, null);
        status = Status.LISTED;
        endAtItsEnd(today);
        return entry;
    }

    private Entry end(LocalDate on, RemovalReason reason, LocalDate today, String actingDepartment) {
        determining(type, actingDepartment);
        if (status != Status.LISTED) {
            throw RuleViolationException.of("status", status.name(), "not-listed", "该主体不在名单上");
        }
        if (reason == null) {
            throw RuleViolationException.of("reason", null, "reason-required", "请选择移出原因");
        }
        notInFuture("on", on, today);
        if (on.isBefore(entry.listedOn())) {
            throw RuleViolationException.of("on", on.toString(), "before-listing", "移出日期不能早于列入日期");
        }
        if (reason == RemovalReason.EXPIRED && !on.isAfter(entry.endsOn())) {
            throw RuleViolationException.of("reason", reason.name(), "not-expired", "名单期限至 " + entry.endsOn() + " 届满，次日起方可移出");
        }
        if (reason == RemovalReason.REPAIRED && on.isBefore(entry.removableFrom())) {
            throw RuleViolationException.of("reason", reason.name(), "minimum-period",
                    "列入满最短期限（" + entry.removableFrom() + " 起）方可经信用修复移出");
        }
        entry = new Entry(entry.listedOn(), entry.removableFrom(), entry.endsOn(), entry.documentNumber(), on, reason);
        status = Status.REMOVED;
        return entry;
    }

    /**
     * The basis fell: when no record the listing rests on is in force any more (revoked), the entry leaves the list on
     * the day of the revocation, without waiting for anyone to record it (credit-rules §3: information follows its
     * basis; issue 26, finding 2). While another basis still stands, the entry stays for the department to review.
     *
     * @return the entry as removed, or empty when a basis still stands or the case is not listed
     */
    Optional<Entry> endOnFallenBasis(LocalDate revokedOn, List<Basis> current) {
        if (status != Status.LISTED || current.stream().anyMatch(Basis::effective)) {
            return Optional.empty();
        }
        LocalDate on = revokedOn.isBefore(entry.listedOn()) ? entry.listedOn() : revokedOn;
        entry = new Entry(entry.listedOn(), entry.removableFrom(), entry.endsOn(), entry.documentNumber(), on,
                RemovalReason.BASIS_REVOKED);
        status = Status.REMOVED;
        return Optional.of(entry);
    }

    /**
     * The entry's maximum period has passed: it left the list the day after its last day, whether or not anyone
     * recorded it (issue 26, finding 11: an expired case must not stay listed and block a new one).
     *
     * @return the entry as ended, or empty when it is not listed or not past its end on {@code today}
     */
    Optional<Entry> endAtItsEnd(LocalDate today) {
        if (status != Status.LISTED || !entry.endsOn().isBefore(today)) {
            return Optional.empty();
        }
        entry = new Entry(entry.listedOn(), entry.removableFrom(), entry.endsOn(), entry.documentNumber(), entry.endsOn().plusDays(1),
                RemovalReason.EXPIRED);
        status = Status.REMOVED;
        return Optional.of(entry);
    }

    /** The next deadline of an open case, for the reviewers' board: an objection to verify, or the end of statements. */
    Optional<Deadline> nextDeadline() {
        if (status != Status.NOTIFIED) {
            return Optional.empty();
        }
        return statements.stream().filter(Statement::open).map(Statement::verificationDeadline)
                .min(java.util.Comparator.comparing(Deadline::date))
                .or(() -> Optional.of(statementDeadline));
    }

    private static void determining(ListType type, String actingDepartment) {
        if (!type.departmentCode().equals(actingDepartment)) {
            throw NotPermittedException.of("listType", type.code(), "not-determining-department",
                    "只有认定部门可以办理该名单的案件（谁认定、谁负责）");
        }
    }

    private static void notInFuture(String field, LocalDate date, LocalDate today) {
        if (date == null) {
            throw RuleViolationException.of(field, null, "required", "请填写日期");
        }
        if (date.isAfter(today)) {
            throw RuleViolationException.of(field, date.toString(), "not-future", "日期不能晚于今天");
        }
    }

    private Optional<Statement> statement(int number) {
        return number >= 1 && number <= statements.size() ? Optional.of(statements.get(number - 1)) : Optional.empty();
    }

    // accessors are public for the staff pages' templates; the class itself stays package-private
    public Status status() {
        return status;
    }

    public boolean approved() {
        return approved;
    }

    public Deadline statementDeadline() {
        return statementDeadline;
    }

    public List<Statement> statements() {
        return List.copyOf(statements);
    }

    public Optional<Entry> entry() {
        return Optional.ofNullable(entry);
    }

    public long subjectId() {
        return subjectId;
    }

    public ListType type() {
        return type;
    }

    public LocalDate servedOn() {
        return servedOn;
    }

    public List<Basis> basis() {
        return basis;
    }

    public String facts() {
        return facts;
    }
}
