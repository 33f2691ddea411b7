package gongxin.commitments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import gongxin.calendar.Deadline;
import gongxin.shared.NotPermittedException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;

/**
 * A commitment a subject signed for a matter, and what became of it: in force until the department verifies it (kept
 * or breached, with the finding document) or the subject withdraws it before then (the commitment route is voluntary
 * and may be left before the matter is completed, 国办发〔2019〕35号). Every step refuses what the rules forbid with a
 * named rule and changes nothing when it does; only the matter's department acts (谁认定、谁负责).
 */
final class Commitment {

    enum Status {
        IN_FORCE("履约中"), KEPT("已履约"), BREACHED("未履约（失诺）"), WITHDRAWN("已撤回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    enum Outcome { KEPT, BREACHED }

    enum SignatoryRole {
        LEGAL_REPRESENTATIVE("法定代表人（负责人）"), AUTHORISED("授权代理人"), SELF("本人");

        private final String label;

        SignatoryRole(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Who signed it for the subject. */
    record Signatory(String name, SignatoryRole role) {
    }

    /** The department's finding. */
    record Finding(Outcome outcome, LocalDate decidedOn, String documentNumber, String text) {
    }

    private final String matter;
    private final CommitmentType type;
    private final String department;
    private final long subjectId;
    private final LocalDate signedOn;
    private final Signatory signatory;
    private final boolean publicCommitment;
    private final Deadline verifyBy;
    private Status status = Status.IN_FORCE;
    private Finding finding;
    private LocalDate withdrawnOn;
    private String withdrawalReason;

    private Commitment(String matter, CommitmentType type, String department, long subjectId, LocalDate signedOn,
                       Signatory signatory, boolean publicCommitment, Deadline verifyBy) {
        this.matter = matter;
        this.type = type;
        this.department = department;
        this.subjectId = subjectId;
        this.signedOn = signedOn;
        this.signatory = signatory;
        this.publicCommitment = publicCommitment;
        this.verifyBy = verifyBy;
    }

    /**
     * What a signature must give before anything is looked up: the day (not in the future: the paper was signed) and
     * who signed.
     */
    static List<RuleViolation> checkSignature(LocalDate signedOn, Signatory signatory, LocalDate today) {
        List<RuleViolation> v = new ArrayList<>();
        if (signedOn == null) {
            v.add(RuleViolation.of("signedOn", null, "required", "请填写签署日期"));
        } else if (signedOn.isAfter(today)) {
            v.add(RuleViolation.of("signedOn", signedOn.toString(), "not-future", "签署日期不能晚于今天"));
        }
        if (signatory == null || Text.isBlank(signatory.name())) {
            v.add(RuleViolation.of("signatory.name", null, "required", "请填写签署人姓名"));
        }
        if (signatory == null || signatory.role() == null) {
            v.add(RuleViolation.of("signatory.role", null, "required", "请填写签署人身份：LEGAL_REPRESENTATIVE、AUTHORISED 或 SELF"));
        }
        return v;
    }

    /** A signed commitment, in force until verified. */
    static Commitment sign(CommitmentMatter matter, long subjectId, LocalDate signedOn, Signatory signatory, Deadline verifyBy) {
        return new Commitment(matter.code(), matter.type(), matter.department(), subjectId, signedOn,
                new Signatory(Text.clean(signatory.name()), signatory.role()), matter.publicCommitments(), verifyBy);
    }

    static Commitment restore(String matter, CommitmentType type, String department, long subjectId, LocalDate signedOn,
                              Signatory signatory, boolean publicCommitment, Deadline verifyBy, Status status, Finding finding,
                              LocalDate withdrawnOn, String withdrawalReason) {
        Commitment c = new Commitment(matter, type, department, subjectId, signedOn, signatory, publicCommitment, verifyBy);
        c.status = status;
        c.finding = finding;
        c.withdrawnOn = withdrawnOn;
        c.withdrawalReason = withdrawalReason;
        return c;
    }

    /**
     * The department's verification: kept, or breached with the finding document (a breach is dishonesty information
     * and must rest on a document, credit-rules §3). Once only.
     */
    void verify(Finding f, LocalDate today, String actingDepartment) {
        determining(actingDepartment);
        if (status == Status.KEPT || status == Status.BREACHED) {
            throw RuleViolationException.of("status", status.name(), "already-verified", "该承诺已于 " + finding.decidedOn()
                    + " 核查（" + status.label() + "），不能再次核查");
        }
        if (status == Status.WITHDRAWN) {
            throw RuleViolationException.of("status", status.name(), "not-in-force", "该承诺已撤回，无需核查");
        }
        List<RuleViolation> v = new ArrayList<>();
        if (f.outcome() == null) {
            v.add(RuleViolation.of("outcome", null, "outcome-required", "请给出核查结论：KEPT（已履约）或 BREACHED（未履约）"));
        }
        if (f.decidedOn() == null) {
            v.add(RuleViolation.of("decidedOn", null, "required", "请填写核查结论作出日期"));
        } else if (f.decidedOn().isAfter(today)) {
            v.add(RuleViolation.of("decidedOn", f.decidedOn().toString(), "not-future", "核查日期不能晚于今天"));
        } else if (f.decidedOn().isBefore(signedOn)) {
            v.add(RuleViolation.of("decidedOn", f.decidedOn().toString(), "before-signing", "核查日期不能早于承诺签署日期 " + signedOn));
        }
        if (f.outcome() == Outcome.BREACHED) {
            if (Text.isBlank(f.documentNumber())) {
                v.add(RuleViolation.of("documentNumber", null, "document-required", "认定失诺须有认定文书（文书号）"));
            }
            if (Text.isBlank(f.text())) {
                v.add(RuleViolation.of("finding", null, "required", "请写明未履行承诺的事实"));
            }
        }
        if (!v.isEmpty()) {
            throw new RuleViolationException("核查结论不完整", v);
        }
        finding = new Finding(f.outcome(), f.decidedOn(), Text.isBlank(f.documentNumber()) ? null : Text.clean(f.documentNumber()),
                Text.isBlank(f.text()) ? null : f.text().strip());
        status = f.outcome() == Outcome.KEPT ? Status.KEPT : Status.BREACHED;
    }

    /** The subject leaves the commitment route before verification (the department records it, for the subject). */
    void withdraw(String reason, LocalDate today, String actingDepartment) {
        determining(actingDepartment);
        if (status != Status.IN_FORCE) {
            throw RuleViolationException.of("status", status.name(), "not-withdrawable",
                    "该承诺" + status.label() + "，只有履约中的承诺可以撤回");
        }
        if (Text.isBlank(reason)) {
            throw RuleViolationException.of("reason", null, "reason-required", "请写明撤回的理由");
        }
        status = Status.WITHDRAWN;
        withdrawnOn = today;
        withdrawalReason = reason.strip();
    }

    /** In force past the day by which the department should have verified it. */
    boolean overdue(LocalDate today) {
        return status == Status.IN_FORCE && today.isAfter(verifyBy.date());
    }

    private void determining(String actingDepartment) {
        if (!department.equals(actingDepartment)) {
            throw NotPermittedException.of("department", actingDepartment, "not-matter-department",
                    "只有受理该承诺事项的部门可以办理（谁认定、谁负责）");
        }
    }

    String matter() {
        return matter;
    }

    CommitmentType type() {
        return type;
    }

    String department() {
        return department;
    }

    long subjectId() {
        return subjectId;
    }

    LocalDate signedOn() {
        return signedOn;
    }

    Signatory signatory() {
        return signatory;
    }

    boolean publicCommitment() {
        return publicCommitment;
    }

    Deadline verifyBy() {
        return verifyBy;
    }

    Status status() {
        return status;
    }

    Finding finding() {
        return finding;
    }

    LocalDate withdrawnOn() {
        return withdrawnOn;
    }

    String withdrawalReason() {
        return withdrawalReason;
    }
}
