package gongxin.rights;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import gongxin.audit.AuditLog;
import gongxin.calendar.Calendars;
import gongxin.calendar.Deadline;
import gongxin.catalog.RuleSets;
import gongxin.identity.Caller;
import gongxin.entries.CreditEntries;
import gongxin.entries.CreditEntry;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryRef;
import gongxin.entries.RepairTerms;
import gongxin.shared.NotFoundException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.SubjectCategory;
import gongxin.shared.Text;
import gongxin.subjects.SubjectCard;
import gongxin.subjects.SubjectReference;
import gongxin.subjects.Subjects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objection and credit repair (NDRC Order 36; credit-rules §6–§7; docs/api.md, "Rights"): a subject applies without an
 * account and follows its application by an unguessable number; the platform checks what it can itself (identity,
 * repairable, minimum period, refusal period, one open application per record) and says precisely what is missing;
 * the determining department accepts and decides within working-day deadlines; the effects reach records, lists, the
 * website and checks in the same transaction (一次申请、同步修复). Repair is free: nothing here charges anything.
 */
@Service
class Rights {

    static final String ACCEPTANCE_REPAIR = "REPAIR_ACCEPTANCE";
    static final String ACCEPTANCE_OBJECTION = "OBJECTION_ACCEPTANCE";
    static final String DECISION_REPAIR = "REPAIR_DECISION";
    static final String DECISION_OBJECTION = "OBJECTION_VERIFICATION";
    static final String EXTENSION_REPAIR = "REPAIR_DECISION_COMPLEX_EXTENSION";

    /** The credit commitment a repair application makes (NDRC Order 36: 信用承诺), as the form shows it. */
    static final String REPAIR_COMMITMENT_TEXT = "本主体郑重承诺：所提交的申请材料真实、准确、完整；已纠正失信行为、履行行政处罚决定等法定义务；"
            + "今后严格遵守法律法规，诚信经营（诚实守信）。如有虚假，愿意承担相应法律责任，并接受信用修复被撤销、一定期限内不予受理修复申请等处理。";

    static final int MAX_NAME = 200;
    static final int MAX_PERSON = 50;
    static final int MAX_STATEMENT = 5000;

    private static final Pattern PHONE = Pattern.compile("^(1\\d{10}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?)$");
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();

    private final RightsRepository repository;
    private final CreditEntries entries;
    private final Subjects subjects;
    private final RuleSets ruleSets;
    private final Calendars calendars;
    private final AuditLog audit;
    private final gongxin.platform.KeyRing keys;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Rights(RightsRepository repository, CreditEntries entries, Subjects subjects, RuleSets ruleSets, Calendars calendars,
           AuditLog audit, gongxin.platform.KeyRing keys, org.springframework.context.ApplicationEventPublisher events, Clock clock,
           org.springframework.transaction.support.TransactionTemplate transactions) {
        this.transactions = transactions;
        this.keys = keys;
        this.events = events;
        this.repository = repository;
        this.entries = entries;
        this.subjects = subjects;
        this.ruleSets = ruleSets;
        this.calendars = calendars;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What an applicant sends.
     *
     * @param legalRepresentative an organisation's legal representative (or an individual business's operator)
     * @param target the credit entry applied about; null when the applicant named none (or more than one)
     * @param statement repair: how the behaviour was corrected and the duties performed; objection: why it is wrong
     */
    record Request(SubjectReference subject, String legalRepresentative, EntryRef target,
                   String contactName, String contactPhone, boolean commitment, String statement) {
    }

    /** The answer to a submission. */
    /** @param missingProofs the kinds of proof a repair still needs before it can be accepted */
    record Submitted(String number, RightsApplication.Status status, String department, Deadline acceptBy, int proofs,
                     java.util.Set<ProofKind> missingProofs) {
    }

    // ---- the public

    /**
     * @param idempotencyScope who sent the key (a client, a staff user, or the public's address): a key names an
     *                         application only within its sender's scope, so nobody obtains another's application by
     *                         sending its key first (issue 25, finding 3)
     */
    @Transactional
    Submitted submit(RightsApplication.Kind kind, Request request, List<Proof.Upload> uploads, String idempotencyKey,
                     String idempotencyScope) {
        if (!Text.isBlank(idempotencyKey)) {
            Optional<RightsRepository.Stored> earlier = repository.byIdempotencyKey(idempotencyScope, idempotencyKey.strip());
            if (earlier.isPresent()) {
                RightsRepository.Stored s = earlier.get();
                return new Submitted(s.number(), s.application().status(), s.application().department(),
                        s.application().acceptBy(), repository.proofCount(s.number()), missingProofs(s));
            }
        }
        LocalDate today = LocalDate.now(clock);
        checkForm(kind, request);
        List<Proof> proofs = Proof.check(uploads == null ? List.of() : uploads);
        EntryRef target = request.target();
        CreditEntry entry = entry(target, today);
        SubjectCard subject = applicant(request, entry);
        repository.openFor(kind, target).ifPresent(open -> {
            throw RuleViolationException.of("target", target.toString(), "open-application",
                    "该" + target.kind().label() + "已有正在办理的" + label(kind) + "申请");
        });
        Integer recordVersion = null;
        RightsApplication application;
        if (kind == RightsApplication.Kind.REPAIR) {
            checkRepairable(target, today);
            application = RightsApplication.repair(target, entry.department(), request.commitment(), today,
                    deadline(ACCEPTANCE_REPAIR, today));
        } else {
            checkNotRepeated(target, today);
            application = RightsApplication.objection(target, entry.objectable(), entry.department(), request.statement(),
                    today, deadline(ACCEPTANCE_OBJECTION, today));
            recordVersion = entries.version(target);
        }
        String number = newNumber(kind);
        String phone = Text.clean(request.contactPhone()).replace(" ", "");
        try {
            repository.insert(number, application, new RightsRepository.Applicant(subject.id(), Text.clean(request.subject().name()),
                    Text.isBlank(request.legalRepresentative()) ? null : Text.clean(request.legalRepresentative()),
                    Text.clean(request.contactName()), phone, request.commitment(),
                    Text.isBlank(request.statement()) ? null : request.statement().strip()), recordVersion,
                    Text.isBlank(idempotencyKey) ? null : idempotencyKey.strip(), idempotencyScope);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // the same target applied for at the same moment: the unique index of open applications decides
            throw RuleViolationException.of("target", target.toString(), "open-application",
                    "该信息已有正在办理的" + label(kind) + "申请");
        }
        proofs.forEach(p -> repository.addProof(number, p));
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("target", target.toString());
        details.put("proofs", proofs.size());
        details.put("kinds", proofs.stream().map(p -> p.kind().name()).toList());
        details.put("acceptBy", application.acceptBy().date().toString());
        repository.step(number, now, "SUBMITTED", "申请人", details);
        audit.recordAs("public", "RIGHTS_" + kind.name() + "_SUBMITTED", "rights_application", number, details);
        if (kind == RightsApplication.Kind.OBJECTION) {
            // marked at once (NDRC Order 36; credit-rules §7); its measures are suspended only from acceptance
            entries.openObjection(target, number, today, "rights:" + number);
        } else {
            boolean person = subject.category() == SubjectCategory.NATURAL_PERSON;
            events.publishEvent(new RepairCommitmentMade(number, target, subject.id(), entry.department(), today,
                    person ? subject.name() : Text.clean(request.legalRepresentative()), person, REPAIR_COMMITMENT_TEXT));
        }
        java.util.Set<ProofKind> held = java.util.EnumSet.noneOf(ProofKind.class);
        proofs.forEach(p -> held.add(p.kind()));
        return new Submitted(number, application.status(), entry.department(), application.acceptBy(), proofs.size(),
                missing(application, held));
    }

    /** More proofs for an open application (the applicant has the number). */
    @Transactional
    ProofsAdded addProofs(String number, List<Proof.Upload> uploads) {
        RightsRepository.Stored stored = repository.lock(number).orElseThrow(Rights::unknown);
        if (!stored.application().status().open()) {
            throw RuleViolationException.of("status", stored.application().status().name(), "not-open",
                    "该申请已办结，不能再补充材料");
        }
        List<Proof> proofs = Proof.check(uploads);
        if (repository.proofCount(number) + proofs.size() > Proof.MAX_FILES) {
            throw RuleViolationException.of("proofs", Integer.toString(proofs.size()), "too-many-proofs",
                    "每份申请最多上传 " + Proof.MAX_FILES + " 个证明材料");
        }
        proofs.forEach(p -> repository.addProof(number, p));
        Map<String, Object> details = Map.of("proofs", proofs.size(), "kinds", proofs.stream().map(p -> p.kind().name()).toList());
        repository.step(number, clock.instant(), "PROOFS_ADDED", "申请人", details);
        audit.recordAs("public", "RIGHTS_PROOFS_ADDED", "rights_application", number, details);
        return new ProofsAdded(repository.proofCount(number), missingProofs(stored));
    }

    /** @param missingProofs the kinds a repair still needs before it can be accepted */
    record ProofsAdded(int proofs, java.util.Set<ProofKind> missingProofs) {
    }

    /** What anyone with the number sees: no contact data, no proofs' content. */
    PublicView publicView(String number) {
        RightsRepository.Stored s = repository.find(number).orElseThrow(Rights::unknown);
        java.util.Set<ProofKind> needed = neededProofs(s);
        java.util.Set<ProofKind> missing = java.util.EnumSet.noneOf(ProofKind.class);
        missing.addAll(needed);
        if (!needed.isEmpty()) {
            missing.removeAll(repository.proofKinds(number));
        }
        return new PublicView(s, repository.steps(number), LocalDate.now(clock), needed, missing);
    }

    /**
     * @param neededProofs the kinds of proof the application's target needs
     * @param missingProofs those it does not hold yet (acceptance waits for them)
     */
    record PublicView(RightsRepository.Stored stored, List<RightsRepository.Step> steps, LocalDate today,
                      java.util.Set<ProofKind> neededProofs, java.util.Set<ProofKind> missingProofs) {
    }

    private java.util.Set<ProofKind> neededProofs(RightsRepository.Stored s) {
        return s.application().kind() == RightsApplication.Kind.REPAIR
                ? repository.requiredProofs(s.application().target().kind(), s.application().submittedOn()) : java.util.Set.of();
    }

    // ---- the determining department

    /**
     * The department's acceptance; answers the application as it now stands (its status and decision deadline). A
     * repair is decided within its deadline from acceptance; an objection is verified within its deadline from the day
     * it was received (the plans of Nanjing and Guannan: 10 working days from receipt; issue 26, finding 6), so a slow
     * acceptance does not lengthen the verification.
     */
    /**
     * The natural person the department found applying when it accepted a repair (the legal representative, an agent,
     * or the person itself), from the identity document: the refusal period after a false statement binds this
     * applicant, not whoever is named as the target's subject (issue 25, finding 3).
     */
    record ProvenApplicant(String name, String idNumber) {
    }

    @Transactional
    RightsApplication accept(Caller caller, String number, boolean accepted, String reason, ProvenApplicant applicant) {
        RightsRepository.Stored s = locked(number);
        RightsApplication a = s.application();
        LocalDate today = LocalDate.now(clock);
        Deadline decideBy = a.kind() == RightsApplication.Kind.REPAIR ? deadline(DECISION_REPAIR, today)
                : deadline(DECISION_OBJECTION, a.submittedOn());
        Proven proven = accepted && a.kind() == RightsApplication.Kind.REPAIR && a.status() == RightsApplication.Status.SUBMITTED
                && caller.mayActFor(a.department()) ? proven(s, applicant, today) : null;
        a.accept(accepted, reason, today, decideBy, acting(caller, a.department()), missingProofs(s));
        try {
            repository.save(number, a, false);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw RuleViolationException.of("target", a.target().toString(), "open-application",
                    "该" + a.target().kind().label() + "已有受理中的" + label(a.kind()) + "申请");
        }
        if (proven != null) {
            repository.applicantProven(number, proven.key());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("accepted", accepted);
        if (!Text.isBlank(reason)) {
            details.put("reason", reason.strip());
        }
        if (accepted) {
            details.put("decideBy", decideBy.date().toString());
        }
        if (proven != null && proven.shown() != null) {
            details.put("applicant", proven.shown());
        }
        if (a.acceptedLate()) {
            details.put("late", true);
        }
        step(caller, number, accepted ? "ACCEPTED" : "NOT_ACCEPTED", details);
        if (a.kind() == RightsApplication.Kind.OBJECTION) {
            if (accepted) {
                // the department checked who applied: only now are the entry's measures suspended (issue 25, finding 1)
                entries.acceptObjection(a.target(), number, today, caller.name());
            } else {
                entries.closeObjection(a.target(), number, "NOT_ACCEPTED", caller.name());
                markByWaitingFiling(a.target(), number);
            }
        }
        return a;
    }

    /** Who applies, as the department found at acceptance: a digest of a person's ID number, or the subject itself. */
    private record Proven(String key, String shown) {
    }

    /**
     * The applicant proven at a repair's acceptance; refused ({@code refusal-period}) when that applicant's earlier
     * application for the same entry was refused for false statements within the refusal period.
     */
    private Proven proven(RightsRepository.Stored s, ProvenApplicant applicant, LocalDate today) {
        String key;
        String shown = null;
        if (applicant != null && (!Text.isBlank(applicant.name()) || !Text.isBlank(applicant.idNumber()))) {
            if (Text.isBlank(applicant.name())) {
                throw RuleViolationException.of("applicant.name", null, "required", "请填写经核实的申请人姓名");
            }
            gongxin.shared.IdNumber id = gongxin.shared.IdNumber.check(applicant.idNumber(), today).orElseThrow("applicant.idNumber");
            key = "person:" + keys.lookupDigest(id.value());
            shown = Text.clean(applicant.name()) + "（" + gongxin.shared.IdNumber.masked(id.value()) + "）";
        } else {
            key = "subject:" + s.applicant().subjectId(); // the department found the subject itself applying
        }
        Optional<LocalDate> lied = repository.lastFalseStatement(s.application().target(), key);
        if (lied.isPresent()) {
            LocalDate until = refusedUntil(lied.get());
            if (!today.isAfter(until)) {
                throw RuleViolationException.of("applicant", shown == null ? "subject" : shown, "refusal-period",
                        "该申请人此前就该信息的修复申请因弄虚作假被不予修复（" + lied.get() + "），" + until + " 前不予受理")
                        .with("earliestDate", until.plusDays(1));
            }
        }
        return new Proven(key, shown);
    }

    @Transactional
    Deadline extend(Caller caller, String number, String reason) {
        RightsRepository.Stored s = locked(number);
        RightsApplication a = s.application();
        LocalDate today = LocalDate.now(clock);
        Deadline extended = a.decideBy() == null ? null : calendars.current().addWorkingDays(a.decideBy().date(),
                ruleSets.workingDays(EXTENSION_REPAIR, a.acceptedOn()));
        a.extend(reason, today, extended, acting(caller, a.department()));
        repository.save(number, a, false);
        step(caller, number, "EXTENDED", Map.of("reason", a.complexReason(), "decideBy", a.decideBy().date().toString()));
        return a.decideBy();
    }

    /**
     * The repair decision. A grant takes effect at once everywhere: the record is repaired (not published, no hit in
     * checks) or the list entry removed (REPAIRED), in this transaction.
     *
     * @param complex the case is complex: the decision deadline is extended by the statutory extension if it was not
     * @param falseStatement refused because the applicant gave false material or a false commitment: new applications for
     *                       the same information are refused for the refusal period
     */
    @Transactional
    RightsApplication.Status decideRepair(Caller caller, String number, boolean granted, String reason, boolean complex,
                                          boolean falseStatement) {
        return decideRepair(caller, number, granted, reason, complex, falseStatement, false);
    }

    /**
     * @param notSubject the subject did not make this application (someone else applied in its name): it closes
     *                   refused with no consequence for the subject, no refusal period and nothing held open (issue
     *                   25, finding 3)
     */
    @Transactional
    RightsApplication.Status decideRepair(Caller caller, String number, boolean granted, String reason, boolean complex,
                                          boolean falseStatement, boolean notSubject) {
        RightsRepository.Stored s = locked(number);
        RightsApplication a = s.application();
        LocalDate today = LocalDate.now(clock);
        String department = acting(caller, a.department());
        if (complex && a.complexReason() == null && a.status() == RightsApplication.Status.ACCEPTED && a.kind() == RightsApplication.Kind.REPAIR) {
            a.extend(reason, today, calendars.current().addWorkingDays(a.decideBy().date(), ruleSets.workingDays(EXTENSION_REPAIR, a.acceptedOn())),
                    department);
        }
        a.decideRepair(granted, reason, today, department);
        if (falseStatement && granted) {
            throw RuleViolationException.of("falseStatement", "true", "false-statement-granted", "认定弄虚作假的申请不能准予修复");
        }
        if (notSubject && (granted || falseStatement)) {
            throw RuleViolationException.of("notSubject", "true", "not-subject-refused",
                    "非信用主体本人提出的申请只能不予修复，且不计入主体的弄虚作假");
        }
        repository.save(number, a, falseStatement && !granted);
        if (notSubject) {
            repository.notSubject(number);
            events.publishEvent(new RepairApplicationDisowned(number, a.department(), a.reason()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("granted", granted);
        if (a.reason() != null) {
            details.put("reason", a.reason());
        }
        if (falseStatement) {
            details.put("falseStatement", true);
        }
        if (notSubject) {
            details.put("notSubject", true);
        }
        step(caller, number, granted ? "GRANTED" : notSubject ? "NOT_SUBJECT" : "REFUSED", details);
        if (granted) {
            entries.repair(a.target(), caller, number, today);
        }
        return a.status();
    }

    /**
     * The department revokes a repair it granted, because it rested on false material or a false commitment: the entry
     * stands again (published, a hit, on its list) in this transaction, and new repair applications for it are refused
     * for the refusal period from today.
     */
    @Transactional
    RightsApplication revokeGrant(Caller caller, String number, String reason) {
        RightsRepository.Stored s = locked(number);
        RightsApplication a = s.application();
        LocalDate today = LocalDate.now(clock);
        a.revokeGrant(reason, today, acting(caller, a.department()));
        repository.save(number, a, true);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", a.grantRevocationReason());
        details.put("refusedUntil", refusedUntil(today).toString());
        step(caller, number, "GRANT_REVOKED", details);
        entries.revokeRepair(a.target(), caller, number, today, a.grantRevocationReason());
        return a;
    }

    /** The last day new applications are refused after a false statement found on {@code on}. */
    LocalDate refusedUntil(LocalDate on) {
        return on.plusMonths(repository.refusalMonths(on).orElse(0));
    }

    /**
     * The kinds of proof a repair's target needs (as in force on its submission) that the application does not hold;
     * none for an objection.
     */
    java.util.Set<ProofKind> missingProofs(RightsRepository.Stored s) {
        return s.application().kind() != RightsApplication.Kind.REPAIR ? java.util.Set.of()
                : missing(s.application(), repository.proofKinds(s.number()));
    }

    /** The kinds a repair's target needs, as in force on its submission, that are not among those held. */
    private java.util.Set<ProofKind> missing(RightsApplication a, java.util.Set<ProofKind> held) {
        if (a.kind() != RightsApplication.Kind.REPAIR) {
            return java.util.Set.of();
        }
        java.util.Set<ProofKind> missing = java.util.EnumSet.noneOf(ProofKind.class);
        missing.addAll(repository.requiredProofs(a.target().kind(), a.submittedOn()));
        missing.removeAll(held);
        return missing;
    }

    /** The objection decision; the record's mark goes in every case, a REVOKED record leaves every view. */
    @Transactional
    RightsApplication.Status decideObjection(Caller caller, String number, RightsApplication.ObjectionOutcome outcome, String reason) {
        RightsRepository.Stored s = locked(number);
        RightsApplication a = s.application();
        LocalDate today = LocalDate.now(clock);
        int version = entries.version(a.target());
        boolean corrected = s.recordVersion() != null && version > s.recordVersion();
        a.decideObjection(outcome, reason, corrected, today, acting(caller, a.department()));
        repository.save(number, a, false);
        repository.decidedVersion(number, version);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", outcome.name());
        details.put("reason", a.reason());
        if (corrected) {
            details.put("version", version);
        }
        step(caller, number, outcome.name(), details);
        if (outcome == RightsApplication.ObjectionOutcome.REVOKED) {
            entries.revokeOnObjection(a.target(), number, today, a.reason(), caller.name());
        } else {
            entries.closeObjection(a.target(), number, outcome.name(), caller.name());
            markByWaitingFiling(a.target(), number);
        }
        return a.status();
    }

    /** After an objection's mark went, another filing to the entry still waiting for acceptance marks it again. */
    private void markByWaitingFiling(EntryRef target, String closed) {
        repository.otherSubmittedObjection(target, closed)
                .ifPresent(other -> entries.openObjection(target, other.getKey(), other.getValue(), "rights:" + other.getKey()));
    }

    /** An application with its applicant's contact and proofs, for its department (audited: personal data). */
    StaffView staffView(Caller caller, String number, gongxin.audit.Purpose purpose) {
        RightsRepository.Stored s = repository.find(number).orElseThrow(Rights::unknown);
        requireSees(caller, s.application().department());
        if (caller.mayActFor(s.application().department())) {
            audit.recordRead("rights_application", number, purpose, Map.of());
        } else {
            // read by the credit office: a line of the subject's query history too (issue 24, 4)
            audit.recordSubjectsRead("APPLICATION", "rights_application", number, purpose, Map.of(), null,
                    List.of(s.applicant().subjectId()));
        }
        return new StaffView(s, repository.steps(number), repository.proofs(number), LocalDate.now(clock), missingProofs(s));
    }

    record StaffView(RightsRepository.Stored stored, List<RightsRepository.Step> steps,
                     List<RightsRepository.StoredProof> proofs, LocalDate today, java.util.Set<ProofKind> missingProofs) {
    }

    Proof proof(Caller caller, String number, long proofId, gongxin.audit.Purpose purpose) {
        RightsRepository.Stored s = repository.find(number).orElseThrow(Rights::unknown);
        requireSees(caller, s.application().department());
        Proof proof = repository.proof(number, proofId).orElseThrow(() -> new NotFoundException("没有该证明材料"));
        audit.recordRead("rights_proof", number + "/" + proofId, purpose, Map.of("fileName", proof.fileName()));
        return proof;
    }

    /**
     * The queue: open applications of the caller's department, or of every department for the credit office (which is
     * how it sees missed deadlines), nearest deadline first; and the latest decided ones.
     */
    Queue queue(Caller caller) {
        List<String> departments = caller.seesEveryDepartment() ? null : List.copyOf(caller.departments());
        return new Queue(repository.open(departments), repository.recentlyDecided(departments, 50), LocalDate.now(clock),
                calendars.current().addWorkingDays(LocalDate.now(clock), 1).date());
    }

    /**
     * @param warnFrom an open application whose deadline is on or before this day (today + 1 working day) is warned
     */
    record Queue(List<RightsRepository.Stored> open, List<RightsRepository.Stored> decided, LocalDate today, LocalDate warnFrom) {

        public long overdue() {
            return open.stream().filter(s -> s.application().overdue(today)).count();
        }
    }

    // ---- rules

    private void checkForm(RightsApplication.Kind kind, Request request) {
        List<RuleViolation> v = new ArrayList<>();
        SubjectReference subject = request.subject();
        if (subject == null || (Text.isBlank(subject.creditCode()) && Text.isBlank(subject.idNumber()))) {
            v.add(RuleViolation.of("subject", null, "subject-required", "请给出统一社会信用代码，或自然人的姓名与身份证号码"));
        } else if (Text.isBlank(subject.name())) {
            v.add(RuleViolation.of("subject.name", null, "required", "请填写主体名称（或姓名）"));
        }
        if (subject != null && !Text.isBlank(subject.creditCode()) && Text.isBlank(request.legalRepresentative())) {
            v.add(RuleViolation.of("legalRepresentative", null, "required", "请填写法定代表人（负责人、经营者）姓名"));
        }
        if (request.target() == null) {
            v.add(RuleViolation.of("target", null, "target-required",
                    "请指明一条信用信息：{kind, id}，或信用记录（recordId）、名单条目（listEntryId）之一"));
        }
        if (Text.isBlank(request.contactName())) {
            v.add(RuleViolation.of("contact.name", null, "required", "请填写联系人"));
        }
        String phone = request.contactPhone() == null ? null : Text.clean(request.contactPhone()).replace(" ", "");
        if (Text.isBlank(phone)) {
            v.add(RuleViolation.of("contact.phone", null, "required", "请填写联系电话"));
        } else if (!PHONE.matcher(phone).matches()) {
            v.add(RuleViolation.of("contact.phone", phone, "phone", "联系电话应为11位手机号或带区号的固定电话"));
        }
        if (kind == RightsApplication.Kind.REPAIR && !request.commitment()) {
            v.add(RuleViolation.of("commitment", "false", "commitment-required", "申请信用修复须作出信用承诺（勾选并同意承诺书）"));
        }
        if (kind == RightsApplication.Kind.OBJECTION && Text.isBlank(request.statement())) {
            v.add(RuleViolation.of("reason", null, "reason-required", "请写明异议的理由（哪项信息有误、为什么）"));
        }
        // what a person types is bounded (issue 25, finding 9)
        java.util.stream.Stream.of(
                Text.tooLong("subject.name", subject == null ? null : subject.name(), MAX_NAME, "主体名称"),
                Text.tooLong("legalRepresentative", request.legalRepresentative(), MAX_PERSON, "法定代表人姓名"),
                Text.tooLong("contact.name", request.contactName(), MAX_PERSON, "联系人"),
                Text.tooLong(kind == RightsApplication.Kind.OBJECTION ? "reason" : "statement", request.statement(), MAX_STATEMENT,
                        kind == RightsApplication.Kind.OBJECTION ? "异议理由" : "情况说明"))
                .filter(java.util.Objects::nonNull).forEach(v::add);
        if (!v.isEmpty()) {
            throw new RuleViolationException(label(kind) + "申请不完整", v);
        }
    }

    /**
     * The entry applied about, as its producer describes it now. The public applies about what the website shows: an
     * entry that is not public today (a minor's, a kind of information never published, revoked, repaired, past its
     * window, removed) answers exactly as one that does not exist, whoever is named as its subject, so that nobody can
     * walk ids to learn what is not public (issue 25, finding 4).
     */
    private CreditEntry entry(EntryRef target, LocalDate today) {
        return entries.find(target).filter(e -> e.publicOn(today)).orElseThrow(() -> RuleViolationException.of(
                "target." + target.kind().idField(), Long.toString(target.id()), "target-unknown", "没有该" + target.kind().label()));
    }

    /**
     * After a decision on an objection to the entry, a new objection without new facts is refused for the cool-off
     * period in force on the decision day (data: {@code rights.objection_cool_off}; issue 25, finding 1). The new fact
     * the platform can see is a new version of the entry since that decision (the department corrected it).
     */
    private void checkNotRepeated(EntryRef target, LocalDate today) {
        repository.lastObjectionDecision(target).ifPresent(last -> {
            LocalDate until = last.decidedOn().plusMonths(repository.objectionCoolOffMonths(last.decidedOn()).orElse(0));
            boolean changed = last.version() != null && entries.version(target) > last.version();
            if (!changed && !today.isAfter(until)) {
                throw RuleViolationException.of("target", target.toString(), "repeat-objection",
                        "该信息的异议已于 " + last.decidedOn() + " 作出核查决定；没有新的事实，" + until + " 前不再受理对同一信息的异议")
                        .with("earliestDate", until.plusDays(1));
            }
        });
    }

    /**
     * The applicant must be the subject of what it applies about: its credit code and name (and the legal
     * representative the platform knows), or a person's name and ID number.
     */
    private SubjectCard applicant(Request request, CreditEntry entry) {
        SubjectReference ref = request.subject();
        Optional<SubjectCard> card = subjects.find(Text.isBlank(ref.creditCode()) ? ref
                : new SubjectReference(ref.creditCode(), null, null));
        boolean matches = card.isPresent() && card.get().id() == entry.subjectId();
        if (matches && card.get().category() != SubjectCategory.NATURAL_PERSON) {
            matches = Text.normalizeName(ref.name()).equals(Text.normalizeName(card.get().name()))
                    && (card.get().legalRepresentativeName() == null
                    || Text.normalizeName(request.legalRepresentative()).equals(Text.normalizeName(card.get().legalRepresentativeName())));
        }
        if (!matches) {
            throw RuleViolationException.of("subject", Text.isBlank(ref.creditCode()) ? ref.name() : ref.creditCode(),
                    "subject-mismatch", "申请人与该信息记载的主体不一致：只能为本主体的信息申请（请核对代码、名称和法定代表人）");
        }
        return card.get();
    }

    private void checkRepairable(EntryRef target, LocalDate today) {
        String field = "target." + target.kind().idField();
        RepairTerms terms = entries.repairTerms(target);
        if (!terms.repairable()) {
            throw terms.refusal(target);
        }
        if (!terms.possibleOn(today)) {
            throw RuleViolationException.of(field, Long.toString(target.id()), "minimum-period",
                    terms.minimum() + "前不予修复；" + terms.earliestDate() + " 起可以申请").with("earliestDate", terms.earliestDate());
        }
    }

    /**
     * A year of the statutory calendar was loaded: the running deadlines of open applications that were counted
     * through it on weekends alone are counted again on the real calendar (as list cases and timeliness are; issue 26,
     * finding 7): acceptance from submission, decision from acceptance (a repair, with its extension if it was
     * extended) or from receipt (an objection).
     */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void on(gongxin.calendar.CalendarYearLoaded event) {
        int recounted = 0;
        for (String number : repository.withProvisionalDeadlines()) {
            RightsRepository.Stored stored = locked(number);
            RightsApplication a = stored.application();
            boolean repair = a.kind() == RightsApplication.Kind.REPAIR;
            Deadline acceptBy = deadline(repair ? ACCEPTANCE_REPAIR : ACCEPTANCE_OBJECTION, a.submittedOn());
            Deadline decideBy = null;
            if (a.acceptedOn() != null) {
                decideBy = repair ? deadline(DECISION_REPAIR, a.acceptedOn()) : deadline(DECISION_OBJECTION, a.submittedOn());
                if (repair && a.complexReason() != null) {
                    Deadline base = decideBy;
                    decideBy = calendars.current().addWorkingDays(base.date(), ruleSets.workingDays(EXTENSION_REPAIR, a.acceptedOn()));
                    if (base.provisional() && !decideBy.provisional()) {
                        decideBy = new Deadline(decideBy.date(), true);
                    }
                }
            }
            if (a.recount(acceptBy, decideBy)) {
                repository.save(number, a, stored.falseStatement());
                recounted++;
            }
        }
        if (recounted > 0) {
            audit.recordAs("platform", "RIGHTS_DEADLINES_RECOMPUTED", "calendar_year", Integer.toString(event.year()),
                    Map.of("applications", recounted));
        }
    }

    /** Proofs kept in clear by an earlier release are encrypted once the node is ready (issue 25, finding 9). */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void encryptClearProofs() {
        int total = 0;
        int n;
        do {
            n = transactions.execute(status -> repository.encryptClearProofs(100));
            total += n;
        } while (n > 0);
        if (total > 0) {
            audit.recordAs("platform", "RIGHTS_PROOFS_ENCRYPTED", "rights_proof", "*", Map.of("proofs", total));
        }
    }

    private Deadline deadline(String code, LocalDate from) {
        return calendars.current().addWorkingDays(from, ruleSets.workingDays(code, from));
    }

    private RightsRepository.Stored locked(String number) {
        return repository.lock(number).orElseThrow(Rights::unknown);
    }

    private void step(Caller caller, String number, String step, Map<String, ?> details) {
        repository.step(number, clock.instant(), step, caller.name(), details);
        audit.recordAs(caller.name(), "RIGHTS_" + step, "rights_application", number, details);
    }

    /** The department the caller acts for: the determining one if it may, else its own (then refused by the rule). */
    private static String acting(Caller caller, String department) {
        return caller.mayActFor(department) ? department : caller.departmentCode() == null ? "" : caller.departmentCode();
    }

    private static void requireSees(Caller caller, String department) {
        if (!caller.mayActFor(department) && !caller.seesEveryDepartment()) {
            throw gongxin.shared.NotPermittedException.of("department", caller.departmentCode(), "not-determining-department",
                    "只有认定部门和信用办可以查看该申请");
        }
    }

    private String newNumber(RightsApplication.Kind kind) {
        StringBuilder b = new StringBuilder(kind == RightsApplication.Kind.REPAIR ? "XF" : "YY");
        b.append(LocalDate.now(clock).getYear()).append('-');
        for (int i = 0; i < 20; i++) {
            b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    static String label(RightsApplication.Kind kind) {
        return kind == RightsApplication.Kind.REPAIR ? "信用修复" : "异议";
    }

    private static NotFoundException unknown() {
        return new NotFoundException("没有该申请编号");
    }
}
