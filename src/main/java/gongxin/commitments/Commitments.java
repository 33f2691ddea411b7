package gongxin.commitments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gongxin.audit.AuditLog;
import gongxin.calendar.Calendars;
import gongxin.calendar.Deadline;
import gongxin.catalog.RuleSet.PublicityPeriod;
import gongxin.catalog.RuleSet;
import gongxin.catalog.RuleSets;
import gongxin.entries.CreditEntries;
import gongxin.entries.CreditEntriesChanged;
import gongxin.entries.CreditEntry;
import gongxin.entries.EntryCategory;
import gongxin.entries.EntryChange;
import gongxin.entries.EntryDetail;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryRef;
import gongxin.entries.EntryStatus;
import gongxin.identity.Caller;
import gongxin.identity.Departments;
import gongxin.identity.Role;
import gongxin.shared.IdNumber;
import gongxin.shared.NotFoundException;
import gongxin.shared.NotPermittedException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Sm3;
import gongxin.shared.SubjectCategory;
import gongxin.shared.Text;
import gongxin.subjects.SubjectCard;
import gongxin.subjects.SubjectClaim;
import gongxin.subjects.SubjectReference;
import gongxin.subjects.Subjects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commitment procedure (docs/api.md, "Credit commitments"): a department registers the matters it accepts
 * commitments for; its system or operator records what a subject signed (refused, with every reason named, when the
 * subject is excluded); it verifies the commitment within the matter's working days, and a breach becomes dishonesty
 * information with the publicity window of the rule set in force on the finding date. Each change is announced as a
 * change of credit entries, in the transaction that makes it.
 */
@Service
class Commitments {

    /** The information type of breaches in the rule sets' period tables. */
    static final String INFO_TYPE = "COMMITMENT_BREACH";
    /** How far back an unrepaired breach excludes a subject (国办发〔2019〕35号 and the city plans: three years). */
    static final int BREACH_EXCLUSION_YEARS = 3;

    private final CommitmentRepository repository;
    private final Subjects subjects;
    private final CreditEntries entries;
    private final Departments departments;
    private final RuleSets ruleSets;
    private final Calendars calendars;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Commitments(CommitmentRepository repository, Subjects subjects, CreditEntries entries, Departments departments,
                RuleSets ruleSets, Calendars calendars, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.subjects = subjects;
        this.entries = entries;
        this.departments = departments;
        this.ruleSets = ruleSets;
        this.calendars = calendars;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- matters

    record SavedMatter(CommitmentMatter matter, boolean created) {
    }

    /** The credit office registers any department's matter; a department only its own (and cannot take another's code). */
    @Transactional
    SavedMatter putMatter(Caller caller, String code, CommitmentMatter.Draft draft) {
        CommitmentMatter m = CommitmentMatter.define(code, draft, c -> departments.find(c).isPresent());
        Optional<CommitmentMatter> existing = repository.findMatter(m.code());
        boolean admin = caller.hasRole(Role.ADMIN);
        if (!admin && (!caller.mayActFor(m.department()) || existing.filter(e -> !caller.mayActFor(e.department())).isPresent())) {
            throw NotPermittedException.of("department", m.department(), "not-matter-department",
                    "只能登记本部门的承诺事项（信用办可登记所有部门的）");
        }
        boolean existed = repository.upsertMatter(m, clock.instant(), caller.name());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", m.name());
        details.put("department", m.department());
        details.put("type", m.type().name());
        details.put("verifyWithinWorkingDays", m.verifyWithinWorkingDays());
        details.put("breachSeverity", m.breachSeverity().name());
        details.put("excludes", m.excludes().stream().map(Enum::name).sorted().toList());
        details.put("textSm3", Sm3.hex(m.text()));
        audit.record(existed ? "COMMITMENT_MATTER_CHANGED" : "COMMITMENT_MATTER_CREATED", "commitment_matter", m.code(), details);
        return new SavedMatter(m, !existed);
    }

    List<CommitmentMatter> matters() {
        return repository.matters();
    }

    /** The matters the caller's departments accept commitments for (every matter for the credit office). */
    List<CommitmentMatter> mattersOf(Caller caller) {
        return repository.matters().stream().filter(m -> caller.seesEveryDepartment() || caller.mayActFor(m.department())).toList();
    }

    // ---- commitments

    /**
     * What a department records.
     *
     * @param category the subject's category when it is not known yet (organisation by default for a credit code)
     */
    record Signing(String matter, SubjectReference subject, SubjectCategory category, LocalDate signedOn,
                   Commitment.Signatory signatory) {
    }

    /**
     * Records a signed commitment. Checked first, before anything is written: the form, the matter (and that the caller
     * is its department), the subject's identifiers, and the matter's exclusions, each reason named.
     */
    @Transactional
    CommitmentRepository.Stored sign(Caller caller, Signing s, String idempotencyKey) {
        String key = Text.isBlank(idempotencyKey) ? null : idempotencyKey.strip();
        if (key != null) {
            Optional<Long> earlier = repository.byIdempotencyKey(caller.name(), key);
            if (earlier.isPresent()) {
                return repository.find(earlier.get()).orElseThrow();
            }
        }
        LocalDate today = LocalDate.now(clock);
        List<RuleViolation> v = new ArrayList<>(Commitment.checkSignature(s.signedOn(), s.signatory(), today));
        SubjectReference ref = s.subject();
        boolean person = ref != null && Text.isBlank(ref.creditCode()) && !Text.isBlank(ref.idNumber());
        if (ref == null || (Text.isBlank(ref.creditCode()) && Text.isBlank(ref.idNumber()))) {
            v.add(RuleViolation.of("subject", null, "subject-required", "请给出承诺主体：统一社会信用代码和名称，或自然人的姓名和身份证号码"));
        } else if (Text.isBlank(ref.name())) {
            v.add(RuleViolation.of("subject.name", null, "subject-required", "请填写承诺主体的名称（或姓名）"));
        }
        CommitmentMatter matter = Text.isBlank(s.matter()) ? null : repository.findMatter(Text.normalizeIdentifier(s.matter())).orElse(null);
        if (matter == null) {
            v.add(RuleViolation.of("matter", s.matter(), "unknown-matter", "承诺事项不存在"));
        }
        if (!v.isEmpty()) {
            throw new RuleViolationException("信用承诺不完整", v);
        }
        if (!caller.mayActFor(matter.department())) {
            throw NotPermittedException.of("matter", matter.code(), "not-matter-department",
                    "该承诺事项由" + departments.nameOf(matter.department()) + "受理，只有该部门可以登记");
        }
        Optional<SubjectCard> known = subjects.find(person ? new SubjectReference(null, ref.name(), ref.idNumber())
                : new SubjectReference(ref.creditCode(), null, null));
        known.ifPresent(card -> refuseExcluded(matter, card, today));
        long subjectId = known.map(SubjectCard::id).orElseGet(() -> create(s, person));
        Deadline verifyBy = calendars.current().addWorkingDays(s.signedOn(), matter.verifyWithinWorkingDays());
        Commitment c = Commitment.sign(matter, subjectId, s.signedOn(), s.signatory(), verifyBy);
        long id = repository.nextId();
        String number = "CN" + today.getYear() + String.format("%07d", id);
        String letter = letter(number, matter, c, known.map(SubjectCard::name).orElse(Text.clean(ref.name())),
                person ? IdNumber.masked(Text.normalizeIdentifier(ref.idNumber())) : Text.normalizeIdentifier(ref.creditCode()), person);
        Instant now = clock.instant();
        repository.insert(id, number, c, letter, Sm3.hex(letter), now, caller.name(), key);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("number", number);
        details.put("matter", matter.code());
        details.put("subjectId", subjectId);
        details.put("signedOn", s.signedOn().toString());
        details.put("verifyBy", verifyBy.date().toString());
        details.put("letterSm3", Sm3.hex(letter));
        audit.record("COMMITMENT_SIGNED", "commitment", Long.toString(id), details);
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.COMMITMENT, id), EntryChange.COMMITMENT_MADE));
        return repository.find(id).orElseThrow();
    }

    /**
     * Who may not take the commitment route (国办发〔2019〕35号; the matter's {@code excludes}): an in-force dishonesty
     * list entry, an unrepaired breach of the last three years. Every reason is named, with the entry behind it.
     */
    private void refuseExcluded(CommitmentMatter matter, SubjectCard subject, LocalDate today) {
        List<RuleViolation> reasons = new ArrayList<>();
        if (matter.excludes().contains(CommitmentMatter.Exclusion.LISTED)) {
            for (CreditEntry e : entries.ofSubject(subject.id(), EntryDetail.MEASURES)) {
                if (e.category() == EntryCategory.DISHONESTY_LIST && e.status() == EntryStatus.PUBLISHED && !e.date().isAfter(today)
                        && (e.countsUntil() == null || e.countsUntil().isAfter(today))) {
                    reasons.add(RuleViolation.of("subject", Long.toString(e.id()), "listed",
                            "该主体被列入" + e.title() + "（" + e.date() + "，文号 " + e.documentNumber() + "），不得适用信用承诺"));
                }
            }
        }
        if (matter.excludes().contains(CommitmentMatter.Exclusion.BREACHED)) {
            LocalDate since = today.minusYears(BREACH_EXCLUSION_YEARS);
            for (Breach b : repository.breachesOf(subject.id())) {
                if (!b.repaired() && b.decidedOn().isAfter(since)) {
                    reasons.add(RuleViolation.of("subject", Long.toString(b.id()), "breached",
                            "该主体 " + b.decidedOn() + " 被认定未履行信用承诺（" + b.matterName() + "），尚未信用修复，三年内不得适用信用承诺"));
                }
            }
        }
        if (!reasons.isEmpty()) {
            throw new RuleViolationException("该主体不得适用信用承诺", reasons).ofType("commitment-not-allowed");
        }
    }

    /** A subject never seen is created as the record path creates it. */
    private long create(Signing s, boolean person) {
        SubjectReference ref = s.subject();
        SubjectCategory category = person ? SubjectCategory.NATURAL_PERSON
                : s.category() == null || s.category() == SubjectCategory.NATURAL_PERSON ? SubjectCategory.ORGANIZATION : s.category();
        long id = subjects.resolve(List.of(new SubjectClaim(category, Text.clean(ref.name()),
                person ? null : Text.normalizeIdentifier(ref.creditCode()), false,
                person ? Text.normalizeIdentifier(ref.idNumber()) : null, s.signedOn(), null, null)))[0];
        if (id == 0) {
            throw RuleViolationException.of("subject", null, "subject-required", "无法识别承诺主体：请核对统一社会信用代码或身份证号码");
        }
        return id;
    }

    /** The letter as the subject signs it: the matter's text, who commits and who signed, the day. */
    private static String letter(String number, CommitmentMatter m, Commitment c, String name, String identifier, boolean person) {
        return "信用承诺书（编号 " + number + "）\n"
                + "承诺事项：" + m.name() + "（" + m.code() + "，" + m.type().label() + "）\n"
                + "承诺主体：" + name + "（" + (person ? "身份证号码 " : "统一社会信用代码 ") + identifier + "）\n"
                + m.text() + "\n"
                + "签署人：" + c.signatory().name() + "（" + c.signatory().role().label() + "）\n"
                + "签署日期：" + c.signedOn();
    }

    /** The actor of commitments the rights procedure makes. */
    static final String REPAIR_ACTOR = "rights";

    /**
     * Keeps the commitment of a repair application (信用修复型) with the subject's commitments, under its department's
     * repair matter (made on first use: type REPAIR, not public, verified within the repair decision's 7 working days).
     * No exclusion applies: the commitment is a condition of repair. Idempotent by the application number.
     */
    @Transactional
    void recordRepairCommitment(gongxin.rights.RepairCommitmentMade made) {
        if (repository.byIdempotencyKey(REPAIR_ACTOR, made.applicationNumber()).isPresent()) {
            return;
        }
        String code = "REPAIR-" + made.department();
        CommitmentMatter matter = repository.findMatter(code).orElseGet(() -> {
            CommitmentMatter m = new CommitmentMatter(code, "信用修复承诺（" + departments.nameOf(made.department()) + "）",
                    made.department(), CommitmentType.REPAIR, made.text(), 7, gongxin.catalog.Severity.ORDINARY,
                    java.util.Set.of(), false);
            repository.upsertMatter(m, clock.instant(), REPAIR_ACTOR);
            return m;
        });
        Commitment c = Commitment.sign(matter, made.subjectId(), made.signedOn(), new Commitment.Signatory(made.signatory(),
                made.person() ? Commitment.SignatoryRole.SELF : Commitment.SignatoryRole.LEGAL_REPRESENTATIVE),
                calendars.current().addWorkingDays(made.signedOn(), matter.verifyWithinWorkingDays()));
        SubjectCard subject = subjects.card(made.subjectId()).orElseThrow();
        long id = repository.nextId();
        String number = "CN" + made.signedOn().getYear() + String.format("%07d", id);
        String letter = letter(number, matter, c, subject.name(), subject.creditCode() != null ? subject.creditCode()
                : subject.idNumberMasked(), subject.creditCode() == null) + "\n信用修复申请：" + made.applicationNumber()
                + "（" + made.target().kind().label() + " " + made.target().id() + "）";
        repository.insert(id, number, c, letter, Sm3.hex(letter), clock.instant(), REPAIR_ACTOR, made.applicationNumber());
        audit.recordAs(REPAIR_ACTOR, "COMMITMENT_SIGNED", "commitment", Long.toString(id), Map.of("number", number,
                "matter", code, "subjectId", made.subjectId(), "application", made.applicationNumber(), "letterSm3", Sm3.hex(letter)));
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.COMMITMENT, id), EntryChange.COMMITMENT_MADE));
    }

    /**
     * The repair application was found not to be the subject's (notSubject): the commitment made in it is withdrawn,
     * with the department's reason, so that the subject's commitments do not list one it never made.
     */
    @Transactional
    void withdrawRepairCommitment(gongxin.rights.RepairApplicationDisowned disowned) {
        repository.byIdempotencyKey(REPAIR_ACTOR, disowned.applicationNumber()).ifPresent(id -> {
            CommitmentRepository.Stored s = repository.lock(id).orElseThrow(Commitments::unknown);
            Commitment c = s.commitment();
            if (c.status() != Commitment.Status.IN_FORCE) {
                return;
            }
            c.withdraw("经认定部门核实，信用修复申请 " + disowned.applicationNumber() + " 非信用主体本人提出："
                    + (disowned.reason() == null ? "" : disowned.reason()), LocalDate.now(clock), c.department());
            repository.save(id, c, clock.instant());
            audit.recordAs(REPAIR_ACTOR, "COMMITMENT_WITHDRAWN", "commitment", Long.toString(id), Map.of("reason", c.withdrawalReason(),
                    "application", disowned.applicationNumber()));
            events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.COMMITMENT, id), EntryChange.COMMITMENT_WITHDRAWN));
        });
    }

    /** What a verification did: the commitment as it now stands, and its breach if it was breached. */
    record Verified(CommitmentRepository.Stored commitment, Optional<Breach> breach) {
    }

    /**
     * The department's verification. A breach gets the matter's severity and the window of the rule set in force on
     * the finding date for breaches (its maximum; repair from the day after its minimum).
     */
    @Transactional
    Verified verify(Caller caller, long id, Commitment.Finding finding) {
        CommitmentRepository.Stored s = repository.lock(id).orElseThrow(Commitments::unknown);
        Commitment c = s.commitment();
        LocalDate today = LocalDate.now(clock);
        c.verify(finding, today, acting(caller, c.department()));
        Instant now = clock.instant();
        repository.save(id, c, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", finding.outcome().name());
        details.put("decidedOn", finding.decidedOn().toString());
        if (c.finding().documentNumber() != null) {
            details.put("documentNumber", c.finding().documentNumber());
        }
        Optional<Breach> breach = Optional.empty();
        if (c.status() == Commitment.Status.BREACHED) {
            CommitmentMatter matter = repository.findMatter(c.matter()).orElseThrow();
            Optional<RuleSet> ruleSet = ruleSets.inForceOn(finding.decidedOn());
            Optional<PublicityPeriod> period = ruleSet.flatMap(r -> r.period(INFO_TYPE, matter.breachSeverity()));
            LocalDate windowEnd = period.map(p -> finding.decidedOn().plusMonths(p.maxMonths())).orElse(null);
            long breachId = repository.insertBreach(id, c.subjectId(), matter.breachSeverity(), finding.decidedOn(),
                    c.finding().documentNumber(), c.finding().text(), ruleSet.map(RuleSet::code).orElse(null),
                    period.map(PublicityPeriod::minMonths).orElse(null), windowEnd, now);
            details.put("breach", breachId);
            details.put("severity", matter.breachSeverity().name());
            details.put("publicUntil", windowEnd == null ? null : windowEnd.toString());
            breach = repository.breach(breachId);
            events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.COMMITMENT_BREACH, breachId), EntryChange.BREACHED));
        }
        audit.record("COMMITMENT_VERIFIED", "commitment", Long.toString(id), details);
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.COMMITMENT, id),
                c.status() == Commitment.Status.KEPT ? EntryChange.COMMITMENT_KEPT : EntryChange.BREACHED));
        return new Verified(repository.find(id).orElseThrow(), breach);
    }

    @Transactional
    CommitmentRepository.Stored withdraw(Caller caller, long id, String reason) {
        CommitmentRepository.Stored s = repository.lock(id).orElseThrow(Commitments::unknown);
        Commitment c = s.commitment();
        c.withdraw(reason, LocalDate.now(clock), acting(caller, c.department()));
        repository.save(id, c, clock.instant());
        audit.record("COMMITMENT_WITHDRAWN", "commitment", Long.toString(id), Map.of("reason", c.withdrawalReason()));
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.COMMITMENT, id), EntryChange.COMMITMENT_WITHDRAWN));
        return repository.find(id).orElseThrow();
    }

    // ---- reading

    Optional<CommitmentRepository.Stored> find(long id) {
        return repository.find(id);
    }

    /** A commitment for a department's staff (theirs) or a system reading with a purpose. */
    CommitmentRepository.Stored view(Caller caller, long id) {
        CommitmentRepository.Stored s = repository.find(id).orElseThrow(Commitments::unknown);
        requireSees(caller, s.commitment().department());
        return s;
    }

    Optional<Breach> breachOf(long commitmentId) {
        return repository.breachOf(commitmentId);
    }

    /**
     * Commitments by subject, status and department. Staff see their departments' (the credit office every one);
     * systems reading with {@code share} or {@code check} see every department's, with a purpose.
     */
    CommitmentRepository.Page list(Caller caller, String creditCode, String status, String department, int page, int size) {
        Long subjectId = null;
        if (!Text.isBlank(creditCode)) {
            Optional<SubjectCard> card = subjects.find(new SubjectReference(creditCode, null, null));
            if (card.isEmpty()) {
                return new CommitmentRepository.Page(List.of(), 0);
            }
            subjectId = card.get().id();
        }
        String s = Text.isBlank(status) ? null : status.strip().toUpperCase(java.util.Locale.ROOT);
        if (s != null && !List.of("IN_FORCE", "KEPT", "BREACHED", "WITHDRAWN", "OVERDUE").contains(s)) {
            throw RuleViolationException.of("status", status, "status", "状态应为 IN_FORCE、KEPT、BREACHED、WITHDRAWN 或 OVERDUE");
        }
        List<String> departments = null;
        if (!Text.isBlank(department)) {
            departments = List.of(department.strip());
        }
        if (caller.kind() == Caller.Kind.STAFF && !caller.seesEveryDepartment()) {
            departments = departments == null ? List.copyOf(caller.departments())
                    : departments.stream().filter(caller::mayActFor).toList();
        }
        return repository.list(subjectId, s, departments, LocalDate.now(clock), Math.max(0, page), Math.min(Math.max(1, size), 200));
    }

    SubjectCard subject(long subjectId) {
        return subjects.card(subjectId).orElseThrow();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String acting(Caller caller, String department) {
        return caller.mayActFor(department) ? department : caller.departmentCode() == null ? "" : caller.departmentCode();
    }

    private static void requireSees(Caller caller, String department) {
        if (caller.kind() == Caller.Kind.STAFF && !caller.mayActFor(department) && !caller.seesEveryDepartment()) {
            throw NotPermittedException.of("department", caller.departmentCode(), "not-matter-department",
                    "只有受理该承诺的部门和信用办可以查看");
        }
    }

    private static NotFoundException unknown() {
        return new NotFoundException("没有该信用承诺");
    }
}
