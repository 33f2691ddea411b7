package gongxin.rights;

import java.time.LocalDate;
import java.util.List;

import gongxin.calendar.Deadline;
import gongxin.entries.EntryRef;
import gongxin.shared.NotPermittedException;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;

/**
 * One application of a subject: credit repair of a credit entry (a record, a list entry…), or an objection to a record (NDRC Order 36;
 * credit-rules §6–§7; docs/api.md, "Rights"). The determining department accepts or refuses it within its acceptance
 * deadline and then decides it within its decision deadline (a complex repair may be extended once, with a recorded
 * reason). Every step refuses what the law forbids with a named rule and changes nothing when it does; only the
 * determining department acts (谁认定、谁负责). A late step is still taken, and it shows as missed on the queue.
 */
final class RightsApplication {

    enum Kind { REPAIR, OBJECTION }

    /** Where an application stands. SUBMITTED and ACCEPTED are open; every other status is final. */
    enum Status {
        SUBMITTED, ACCEPTED, NOT_ACCEPTED,
        /** repair decisions */
        GRANTED, REFUSED,
        /** objection decisions: the record was corrected by a new version, revoked, or stands as it was */
        CORRECTED, REVOKED, UPHELD,
        /** a granted repair revoked by its department because it rested on false material: the entry is restored */
        GRANT_REVOKED;

        public boolean open() {
            return this == SUBMITTED || this == ACCEPTED;
        }
    }

    /** What an objection can be found to be. */
    enum ObjectionOutcome { CORRECTED, REVOKED, UPHELD }

    private final Kind kind;
    private final EntryRef target;
    private final String department;
    private final LocalDate submittedOn;
    private Deadline acceptBy;
    private Status status = Status.SUBMITTED;
    private LocalDate acceptedOn;
    private Deadline decideBy;
    private String complexReason;
    private LocalDate decidedOn;
    private String reason;
    private LocalDate grantRevokedOn;
    private String grantRevocationReason;

    private RightsApplication(Kind kind, EntryRef target, String department, LocalDate submittedOn, Deadline acceptBy) {
        this.kind = kind;
        this.target = target;
        this.department = department;
        this.submittedOn = submittedOn;
        this.acceptBy = acceptBy;
    }

    /**
     * A repair application. The commitment is required (NDRC Order 36: 信用承诺); the conditions that the platform can
     * check itself (repairable, minimum period, refusal period) are checked by the caller from the records and lists
     * before, so that the applicant hears precisely what is missing.
     *
     * @param acceptBy submission day + the acceptance deadline in working days
     */
    static RightsApplication repair(EntryRef target, String department, boolean commitment, LocalDate today, Deadline acceptBy) {
        if (!commitment) {
            throw RuleViolationException.of("commitment", "false", "commitment-required",
                    "申请信用修复须作出信用承诺（勾选并同意承诺书）");
        }
        return new RightsApplication(Kind.REPAIR, target, department, today, acceptBy);
    }

    /**
     * An objection to a credit entry that takes objections (a record; not a list entry, whose objection belongs to the
     * listing procedure's statement period): it must say why the entry is wrong.
     *
     * @param objectable the entry takes objections through the platform
     */
    static RightsApplication objection(EntryRef target, boolean objectable, String department, String reason,
                                       LocalDate today, Deadline acceptBy) {
        if (!objectable) {
            throw RuleViolationException.of("target", target.toString(), "record-required", "异议须针对一条信用记录");
        }
        if (Text.isBlank(reason)) {
            throw RuleViolationException.of("reason", null, "reason-required", "请写明异议的理由（哪项信息有误、为什么）");
        }
        return new RightsApplication(Kind.OBJECTION, target, department, today, acceptBy);
    }

    static RightsApplication restore(Kind kind, EntryRef target, String department, LocalDate submittedOn, Deadline acceptBy,
                                     Status status, LocalDate acceptedOn, Deadline decideBy, String complexReason,
                                     LocalDate decidedOn, String reason) {
        RightsApplication a = new RightsApplication(kind, target, department, submittedOn, acceptBy);
        a.status = status;
        a.acceptedOn = acceptedOn;
        a.decideBy = decideBy;
        a.complexReason = complexReason;
        a.decidedOn = decidedOn;
        a.reason = reason;
        return a;
    }

    /** The revocation of a granted repair, as stored. */
    RightsApplication withGrantRevocation(LocalDate on, String why) {
        this.grantRevokedOn = on;
        this.grantRevocationReason = why;
        return this;
    }

    /**
     * The department accepts the application or refuses to accept it (with a reason) — within the acceptance deadline,
     * or late, which the queue shows. A repair is accepted only with the proofs its kind of entry needs (the plans of
     * Benxi and Hegang: the ID document and proof that the obligations were performed; which ones is data): without
     * them the department may still refuse to accept it, or wait for the applicant to add them.
     *
     * @param decideBy acceptance day + the decision deadline in working days
     * @param missingProofs the kinds of proof the target needs that the application does not hold
     */
    void accept(boolean accepted, String why, LocalDate today, Deadline decideBy, String actingDepartment,
                java.util.Set<ProofKind> missingProofs) {
        determining(actingDepartment);
        if (status != Status.SUBMITTED) {
            throw RuleViolationException.of("status", status.name(), "not-submitted", "该申请已" + label(status) + "，不能再决定是否受理");
        }
        if (!accepted && Text.isBlank(why)) {
            throw RuleViolationException.of("reason", null, "reason-required", "不予受理须写明理由");
        }
        if (accepted && kind == Kind.REPAIR && !missingProofs.isEmpty()) {
            List<ProofKind> missing = missingProofs.stream().sorted().toList();
            throw RuleViolationException.of("proofs", String.join(",", missing.stream().map(Enum::name).toList()), "proofs-required",
                    "尚缺证明材料：" + String.join("、", missing.stream().map(ProofKind::label).toList()) + "；申请人补齐后方可受理")
                    .with("missing", missing.stream().map(Enum::name).toList());
        }
        acceptedOn = today;
        if (accepted) {
            status = Status.ACCEPTED;
            this.decideBy = decideBy;
            this.reason = Text.isBlank(why) ? null : why.strip();
        } else {
            status = Status.NOT_ACCEPTED;
            decidedOn = today;
            reason = why.strip();
        }
    }

    /**
     * The deadlines counted again once the calendar of the year they ran into is loaded: a deadline counted on
     * weekends alone ({@link Deadline#provisional()}) is replaced by the one counted on the statutory calendar; a
     * deadline already passed or decided stays as it was.
     *
     * @return whether a deadline changed
     */
    boolean recount(Deadline acceptBy, Deadline decideBy) {
        boolean changed = false;
        if (status == Status.SUBMITTED && this.acceptBy.provisional() && !this.acceptBy.equals(acceptBy)) {
            this.acceptBy = acceptBy;
            changed = true;
        }
        if (status == Status.ACCEPTED && this.decideBy != null && this.decideBy.provisional() && decideBy != null
                && !this.decideBy.equals(decideBy)) {
            this.decideBy = decideBy;
            changed = true;
        }
        return changed;
    }

    /**
     * A complex repair case gets more time once (NDRC Order 36: 情况复杂的可延长), with its reason recorded, asked for
     * before the decision deadline has passed.
     *
     * @param extended the decision deadline + the extension in working days
     */
    void extend(String why, LocalDate today, Deadline extended, String actingDepartment) {
        determining(actingDepartment);
        if (kind != Kind.REPAIR) {
            throw RuleViolationException.of("kind", kind.name(), "not-extendable", "只有信用修复申请可因情况复杂延长办理期限");
        }
        if (status != Status.ACCEPTED) {
            throw RuleViolationException.of("status", status.name(), "not-accepted", "受理后方可延长办理期限");
        }
        if (complexReason != null) {
            throw RuleViolationException.of("complex", "true", "already-extended", "办理期限已延长过一次");
        }
        if (Text.isBlank(why)) {
            throw RuleViolationException.of("reason", null, "reason-required", "延长办理期限须写明情况复杂的理由");
        }
        if (today.isAfter(decideBy.date())) {
            throw RuleViolationException.of("complex", "true", "deadline-passed",
                    "办理期限已于 " + decideBy.date() + " 届满，不能再延长");
        }
        complexReason = why.strip();
        decideBy = extended;
    }

    /** The repair decision: granted (it takes effect everywhere at once) or refused with a reason. */
    void decideRepair(boolean granted, String why, LocalDate today, String actingDepartment) {
        determining(actingDepartment);
        if (kind != Kind.REPAIR) {
            throw RuleViolationException.of("kind", kind.name(), "wrong-kind", "这是异议申请，请给出核查结果（CORRECTED、REVOKED 或 UPHELD）");
        }
        requireAccepted();
        if (!granted && Text.isBlank(why)) {
            throw RuleViolationException.of("reason", null, "reason-required", "不予修复须写明理由");
        }
        status = granted ? Status.GRANTED : Status.REFUSED;
        decidedOn = today;
        reason = Text.isBlank(why) ? null : why.strip();
    }

    /**
     * The objection decision. A correction is made by the department's corrected record (a new version through
     * collection) before it is decided CORRECTED; the reason is sent to the applicant in every case.
     *
     * @param corrected the record has a version newer than the one objected to
     */
    void decideObjection(ObjectionOutcome outcome, String why, boolean corrected, LocalDate today, String actingDepartment) {
        determining(actingDepartment);
        if (kind != Kind.OBJECTION) {
            throw RuleViolationException.of("kind", kind.name(), "wrong-kind", "这是信用修复申请，请给出是否准予修复（granted）");
        }
        requireAccepted();
        if (outcome == null) {
            throw RuleViolationException.of("outcome", null, "outcome-required", "请给出核查结果：CORRECTED、REVOKED 或 UPHELD");
        }
        if (Text.isBlank(why)) {
            throw RuleViolationException.of("reason", null, "reason-required", "请写明核查结果的理由（将告知申请人）");
        }
        if (outcome == ObjectionOutcome.CORRECTED && !corrected) {
            throw RuleViolationException.of("outcome", outcome.name(), "correction-required",
                    "记录尚未更正：请先通过数据归集报送更正后的记录（新版本），再作出“已更正”的决定");
        }
        status = Status.valueOf(outcome.name());
        decidedOn = today;
        reason = why.strip();
    }

    /**
     * The department revokes a repair it granted, because the application rested on false material or a false
     * commitment (the commitment letter: 接受信用修复被撤销; 信用修复管理办法): the entry is restored by the caller, and
     * new applications for it are refused for the refusal period from today.
     */
    void revokeGrant(String why, LocalDate today, String actingDepartment) {
        determining(actingDepartment);
        if (status != Status.GRANTED) {
            throw RuleViolationException.of("status", status.name(), "not-granted",
                    "只能撤销已准予的信用修复（该申请" + label(status) + "）");
        }
        if (Text.isBlank(why)) {
            throw RuleViolationException.of("reason", null, "reason-required", "撤销信用修复须写明弄虚作假的事实和依据");
        }
        status = Status.GRANT_REVOKED;
        grantRevokedOn = today;
        grantRevocationReason = why.strip();
    }

    /** The deadline that runs now, if the application is open. */
    public Deadline currentDeadline() {
        return status == Status.SUBMITTED ? acceptBy : status == Status.ACCEPTED ? decideBy : null;
    }

    /** Missed: open on a day after its current deadline. */
    public boolean overdue(LocalDate today) {
        Deadline d = currentDeadline();
        return d != null && today.isAfter(d.date());
    }

    /** Whether acceptance came after its deadline (shown on the timeline and counted for the credit office). */
    public boolean acceptedLate() {
        return acceptedOn != null && acceptedOn.isAfter(acceptBy.date());
    }

    private void requireAccepted() {
        if (status != Status.ACCEPTED) {
            throw RuleViolationException.of("status", status.name(), "not-accepted",
                    status == Status.SUBMITTED ? "请先受理该申请，再作出决定" : "该申请已" + label(status) + "，不能再作决定");
        }
    }

    private void determining(String actingDepartment) {
        if (!department.equals(actingDepartment)) {
            throw NotPermittedException.of("department", actingDepartment, "not-determining-department",
                    "只有认定部门可以办理该申请（谁认定、谁负责）");
        }
    }

    public static String label(Status status) {
        return switch (status) {
            case SUBMITTED -> "提交待受理";
            case ACCEPTED -> "受理办理中";
            case NOT_ACCEPTED -> "不予受理";
            case GRANTED -> "准予修复";
            case REFUSED -> "不予修复";
            case CORRECTED -> "异议成立，已更正";
            case REVOKED -> "异议成立，已撤销";
            case UPHELD -> "异议不成立，维持";
            case GRANT_REVOKED -> "修复已撤销（弄虚作假）";
        };
    }

    public Kind kind() {
        return kind;
    }

    public EntryRef target() {
        return target;
    }

    public String department() {
        return department;
    }

    public LocalDate submittedOn() {
        return submittedOn;
    }

    public Deadline acceptBy() {
        return acceptBy;
    }

    public Status status() {
        return status;
    }

    public LocalDate acceptedOn() {
        return acceptedOn;
    }

    public Deadline decideBy() {
        return decideBy;
    }

    public String complexReason() {
        return complexReason;
    }

    public LocalDate decidedOn() {
        return decidedOn;
    }

    public String reason() {
        return reason;
    }

    public LocalDate grantRevokedOn() {
        return grantRevokedOn;
    }

    public String grantRevocationReason() {
        return grantRevocationReason;
    }
}
