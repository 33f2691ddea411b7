package gongxin.sharing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import gongxin.audit.AuditLog;
import gongxin.audit.Purpose;
import gongxin.entries.CreditEntries;
import gongxin.entries.CreditEntry;
import gongxin.entries.EntryDetail;
import gongxin.identity.Caller;
import gongxin.measures.Measures;
import gongxin.shared.NotFoundException;
import gongxin.shared.NotPermittedException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.SubjectCategory;
import gongxin.shared.Text;
import gongxin.subjects.SubjectCard;
import gongxin.subjects.SubjectClaim;
import gongxin.subjects.SubjectReference;
import gongxin.subjects.Subjects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing by duty and consent (issue 24; docs/api.md, "Sharing by duty, consent, and who queried me"): a query names
 * the subject, the matter and the purpose; the caller's department gets the entries its duty for the matter covers,
 * non-public ones included, and is told what was withheld and why; a person's information needs the person's consent
 * unless the duty is statutory. Every query, answered or refused, is a line of the subject's query history.
 */
@Service
class Sharing {

    static final String CHANNEL_QUERY = "QUERY";

    /**
     * @param restrictedUntil a query made for an investigation is listed in the subject's history only after this day
     *                        (at most a year ahead)
     */
    record Query(SubjectReference subject, String matter, Long consent, LocalDate restrictedUntil) {
    }

    /** What a kind of entries the answer leaves out, and why. */
    record Withheld(String kind, String reason, int count) {
    }

    record Answer(long id, SubjectCard subject, String matter, Duty duty, List<CreditEntry> entries, List<Withheld> withheld,
                  Long consent) {
    }

    /**
     * @param evidence the signed authorisation itself, when uploaded: its SM3 is then computed from it (and must equal
     *                 {@code evidenceSm3} if both are given), and it is kept encrypted
     */
    record ConsentRequest(SubjectReference subject, String grantee, List<String> matters, LocalDate validFrom, LocalDate validTo,
                          String evidenceFile, String evidenceSm3, EvidenceFile evidence) {

        ConsentRequest(SubjectReference subject, String grantee, List<String> matters, LocalDate validFrom, LocalDate validTo,
                       String evidenceFile, String evidenceSm3) {
            this(subject, grantee, matters, validFrom, validTo, evidenceFile, evidenceSm3, null);
        }
    }

    /** A signed authorisation as uploaded or read back. */
    record EvidenceFile(String fileName, String contentType, byte[] content) {
    }

    /** A consent as its department's list shows it: the person by name and masked ID number. */
    record ConsentLine(Consent consent, String personName, String idNumberMasked, boolean evidenceKept, java.time.Instant createdAt,
                       String createdBy) {
    }

    static final int MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

    private final SharingRepository repository;
    private final Subjects subjects;
    private final CreditEntries entries;
    private final Measures measures;
    private final AuditLog audit;
    private final Clock clock;
    private final gongxin.calendar.Calendars calendars;

    private final DutyGuard guard;
    private final gongxin.platform.KeyRing keys;

    Sharing(SharingRepository repository, Subjects subjects, CreditEntries entries, Measures measures, AuditLog audit, Clock clock,
            gongxin.calendar.Calendars calendars, DutyGuard guard, gongxin.platform.KeyRing keys) {
        this.keys = keys;
        this.guard = guard;
        this.calendars = calendars;
        this.repository = repository;
        this.subjects = subjects;
        this.entries = entries;
        this.measures = measures;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- duties

    /** Replaces a department's sharing duties (the credit office); every line is checked before anything changes. */
    @Transactional
    List<Duty> putDuties(Caller caller, String department, List<Duty.Draft> drafts) {
        String code = department == null ? "" : department.strip();
        List<RuleViolation> violations = new ArrayList<>();
        List<Duty> duties = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Duty.Draft> lines = drafts == null ? List.of() : drafts;
        for (int i = 0; i < lines.size(); i++) {
            Duty d = Duty.check(code, lines.get(i), "duties[" + i + "]", m -> measures.matter(m).isPresent(), violations);
            if (d != null && !seen.add(d.matter())) {
                violations.add(RuleViolation.of("duties[" + i + "].matter", d.matter(), "duplicate", "事项 " + d.matter() + " 重复"));
            } else if (d != null) {
                duties.add(d);
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException("共享责任清单不符合要求", violations);
        }
        repository.replaceDuties(code, duties, clock.instant(), caller.name());
        audit.record("SHARING_DUTIES_SET", "department", code, Map.of("duties", duties.stream().map(d -> Map.of("matter", d.matter(),
                "kinds", Duty.names(d.kinds()), "statutory", d.statutory())).toList()));
        return repository.duties(code);
    }

    /** One line set (added or replaced by its matter) or removed ({@code draft} null), the rest of the list kept. */
    @Transactional
    List<Duty> putDuty(Caller caller, String department, String matter, Duty.Draft draft) {
        List<Duty.Draft> lines = new ArrayList<>();
        String m = matter == null ? "" : matter.strip().toUpperCase(Locale.ROOT);
        for (Duty d : duties(department)) {
            if (!d.matter().equals(m)) {
                lines.add(new Duty.Draft(d.matter(), Duty.names(d.kinds()), d.legalBasis(), d.statutory()));
            }
        }
        if (draft != null) {
            lines.add(draft);
        }
        return putDuties(caller, department, lines);
    }

    /** Every department's duties, by department. */
    Map<String, List<Duty>> allDuties() {
        return repository.allDuties();
    }

    List<Duty> duties(String department) {
        return repository.duties(department == null ? "" : department.strip());
    }

    // ---- queries

    /**
     * A query by duty. Refused, it is still written to the subject's history (with its rule) before the refusal is
     * raised; answered, with the consent it rested on. Both are audited as non-public reads.
     */
    @Transactional(noRollbackFor = {RuleViolationException.class, NotPermittedException.class})
    Answer query(Caller caller, Query q, Purpose purpose) {
        LocalDate today = LocalDate.now(clock);
        String matter = guard.knownMatter(q.matter(), "required", "请写明查询的事项");
        if (q.restrictedUntil() != null && (q.restrictedUntil().isBefore(today) || q.restrictedUntil().isAfter(today.plusYears(1)))) {
            throw RuleViolationException.of("restrictedUntil", q.restrictedUntil().toString(), "restricted-range",
                    "暂不向本人显示的期限应在今天之后、一年以内");
        }
        if (q.subject() == null) {
            throw RuleViolationException.of("subject", null, "subject-required", "请给出统一社会信用代码，或自然人的姓名与身份证号码");
        }
        SubjectCard subject = subjects.find(q.subject()).orElseThrow(() -> new NotFoundException("没有该主体的信用信息"));
        String department = caller.departmentCode();
        Optional<Duty> duty = guard.duty(caller, matter);
        if (duty.isEmpty()) {
            refuse(caller, subject, matter, purpose, q, "not-in-duty");
            throw NotPermittedException.of("matter", matter, "not-in-duty",
                    "本部门的共享责任清单中没有事项 " + matter + "，不能查询（按需共享）");
        }
        Long consentId = null;
        if (subject.category() == SubjectCategory.NATURAL_PERSON && !duty.get().statutory()) {
            if (q.consent() == null) {
                refuse(caller, subject, matter, purpose, q, "consent-required");
                throw RuleViolationException.of("consent", null, "consent-required",
                        "查询自然人的信用信息须有本人对本部门、本事项的有效授权（该事项不属法定职责）");
            }
            Optional<Consent> consent = repository.consent(q.consent(), false);
            Optional<String> refusal = consent.isEmpty() ? Optional.of("没有该授权") 
                    : consent.get().refusal(subject.id(), department, matter, today);
            if (refusal.isPresent()) {
                refuse(caller, subject, matter, purpose, q, "consent-invalid");
                throw RuleViolationException.of("consent", q.consent().toString(), "consent-invalid", refusal.get());
            }
            consentId = q.consent();
        }
        List<CreditEntry> shared = new ArrayList<>();
        Map<String, Withheld> withheld = new LinkedHashMap<>();
        for (CreditEntry e : entries.ofSubject(subject.id(), EntryDetail.FULL)) {
            String reason = withholding(e, duty.get());
            if (reason == null) {
                shared.add(e);
            } else {
                withheld.merge(e.kind().name() + "|" + reason, new Withheld(e.kind().name(), reason, 1),
                        (a, b) -> new Withheld(a.kind(), a.reason(), a.count() + 1));
            }
        }
        long id = repository.record(new SharingRepository.NewRead(subject.id(), CHANNEL_QUERY, department, caller.name(), matter,
                purpose.text(), consentId, "ANSWERED", null, q.restrictedUntil()), clock.instant());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subjectId", subject.id());
        details.put("matter", matter);
        details.put("entries", shared.size());
        if (consentId != null) {
            details.put("consent", consentId);
        }
        audit.recordRead("sharing_query", Long.toString(id), purpose, details);
        return new Answer(id, subject, matter, duty.get(), shared, List.copyOf(withheld.values()), consentId);
    }

    /**
     * Why an entry is left out of an answer: a kind the duty does not cover; information that no longer counts (revoked,
     * repaired, its publicity over, removed from its list: 一次申请、同步修复, credit-rules §6); a minor's (never used).
     */
    static String withholding(CreditEntry e, Duty duty) {
        if (!duty.kinds().contains(e.kind())) {
            return "不在本部门该事项的共享责任范围内";
        }
        if (e.minor()) {
            return "未成年人的信息不予共享";
        }
        if (e.status() == null) {
            return null;
        }
        return switch (e.status()) {
            case REVOKED -> "已撤销，不再共享";
            case REPAIRED -> "已信用修复，不再共享";
            case PUBLICITY_ENDED -> "公示期满，不再使用";
            case REMOVED -> "已移出名单，不再使用";
            default -> null;
        };
    }

    private void refuse(Caller caller, SubjectCard subject, String matter, Purpose purpose, Query q, String rule) {
        long id = repository.record(new SharingRepository.NewRead(subject.id(), CHANNEL_QUERY, caller.departmentCode(),
                caller.name(), matter, purpose.text(), q.consent(), "REFUSED", rule, q.restrictedUntil()), clock.instant());
        audit.recordRead("sharing_query", Long.toString(id), purpose, Map.of("subjectId", subject.id(), "matter", matter,
                "refused", rule));
    }

    // ---- consents

    /** A person's consent, recorded by the grantee department's staff or its {@code share} client. */
    @Transactional
    long grant(Caller caller, ConsentRequest r) {
        LocalDate today = LocalDate.now(clock);
        if (r.subject() == null || Text.isBlank(r.subject().name()) || Text.isBlank(r.subject().idNumber())) {
            if (r.subject() != null && !Text.isBlank(r.subject().creditCode())) {
                throw RuleViolationException.of("subject", r.subject().creditCode(), "consent-persons-only", "个人授权只适用于自然人的信息");
            }
            throw RuleViolationException.of("subject", null, "consent-required-fields", "请写明授权人的姓名和身份证号码");
        }
        if (!Text.isBlank(r.grantee()) && !caller.mayActFor(r.grantee().strip())) {
            throw NotPermittedException.of("grantee", r.grantee(), "not-grantee", "只有被授权部门可以登记对本部门的授权");
        }
        List<String> matters = r.matters() == null ? List.of()
                : r.matters().stream().map(m -> m == null ? "" : m.strip().toUpperCase(Locale.ROOT)).toList();
        for (int i = 0; i < matters.size(); i++) {
            if (!matters.get(i).isEmpty() && measures.matter(matters.get(i)).isEmpty()) {
                throw RuleViolationException.of("matters[" + i + "]", matters.get(i), "unknown-matter", "事项目录中没有 " + matters.get(i));
            }
        }
        String evidenceFile = r.evidenceFile();
        String evidenceSm3 = r.evidenceSm3();
        String evidenceType = null;
        if (r.evidence() != null) {
            evidenceType = evidenceType(r.evidence());
            String actual = gongxin.shared.Sm3.hex(r.evidence().content());
            if (!Text.isBlank(evidenceSm3) && !evidenceSm3.strip().equalsIgnoreCase(actual)) {
                throw RuleViolationException.of("evidence.sm3", evidenceSm3, "evidence-mismatch", "上传的授权书与所填 SM3 摘要不符");
            }
            evidenceSm3 = actual;
            evidenceFile = Text.isBlank(evidenceFile) ? r.evidence().fileName() : evidenceFile;
        }
        SubjectReference ref = new SubjectReference(null, r.subject().name(), r.subject().idNumber());
        SubjectCard person = subjects.find(ref).orElse(null);
        long subjectId = person != null ? person.id()
                : subjects.resolve(List.of(new SubjectClaim(SubjectCategory.NATURAL_PERSON, Text.clean(r.subject().name()), null,
                false, Text.normalizeIdentifier(r.subject().idNumber()), today, null, null)))[0];
        Consent consent = Consent.grant(subjectId, SubjectCategory.NATURAL_PERSON, r.grantee(), matters, r.validFrom(), r.validTo(),
                evidenceFile, evidenceSm3, repository.consentMonths(r.validFrom() == null ? today : r.validFrom()), today);
        long id = repository.insert(consent, clock.instant(), caller.name());
        if (r.evidence() != null) {
            repository.evidence(id, keys.seal(r.evidence().content()), evidenceType);
        }
        audit.record("SHARING_CONSENT_GRANTED", "sharing_consent", Long.toString(id), Map.of("subjectId", subjectId,
                "grantee", consent.grantee(), "matters", consent.matters(), "validFrom", consent.validFrom().toString(),
                "validTo", consent.validTo().toString(), "evidenceSm3", consent.evidenceSm3()));
        return id;
    }

    /** PDF, PNG or JPEG by content, at most 10 MB: what a scanned or signed authorisation is. */
    private static String evidenceType(EvidenceFile file) {
        byte[] b = file.content();
        if (b == null || b.length == 0) {
            throw RuleViolationException.of("evidence", file.fileName(), "evidence-empty", "授权书文件为空");
        }
        if (b.length > MAX_EVIDENCE_BYTES) {
            throw RuleViolationException.of("evidence", file.fileName(), "evidence-too-large", "授权书文件不能超过 10 MB");
        }
        if (b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') {
            return "application/pdf";
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        throw RuleViolationException.of("evidence", file.fileName(), "evidence-type", "授权书须为 PDF、PNG 或 JPEG 文件");
    }

    /** The consents a department recorded (every department's for the credit office), newest first. */
    @Transactional
    List<ConsentLine> consents(Caller caller, Purpose purpose) {
        List<String> departments = caller.seesEveryDepartment() ? null : List.copyOf(caller.departments());
        List<SharingRepository.ConsentRow> rows = repository.consents(departments, 500);
        Map<Long, SubjectCard> people = subjects.cards(rows.stream().map(c -> c.consent().subjectId()).distinct().toList());
        audit.recordRead("sharing_consents", null, purpose, Map.of("consents", rows.size()));
        return rows.stream().map(c -> {
            SubjectCard person = people.get(c.consent().subjectId());
            return new ConsentLine(c.consent(), person == null ? null : person.name(),
                    person == null ? null : person.idNumberMasked(), c.evidenceKept(), c.createdAt(), c.createdBy());
        }).toList();
    }

    /** The signed authorisation kept with a consent: for its department or the credit office, with a purpose, audited. */
    @Transactional
    EvidenceFile evidence(Caller caller, long id, Purpose purpose) {
        Consent consent = repository.consent(id, false).orElseThrow(() -> new NotFoundException("没有该授权"));
        if (!caller.mayActFor(consent.grantee()) && !caller.seesEveryDepartment()) {
            throw NotPermittedException.of("consent", Long.toString(id), "not-grantee", "只有被授权部门或信用办可以查看授权书");
        }
        SharingRepository.StoredEvidence stored = repository.evidence(id).orElseThrow(() -> new NotFoundException("该授权没有上传授权书文件"));
        audit.recordSubjectsRead("CONSENT", "sharing_consent_evidence", Long.toString(id), purpose, Map.of("sm3", consent.evidenceSm3()),
                null, List.of(consent.subjectId()));
        return new EvidenceFile(consent.evidenceFile(), stored.contentType(), keys.open(stored.sealed()));
    }

    /** The consent is withdrawn: the next query resting on it is refused. */
    @Transactional
    void revoke(Caller caller, long id, String reason) {
        Consent consent = repository.consent(id, true).orElseThrow(() -> new NotFoundException("没有该授权"));
        if (!caller.mayActFor(consent.grantee()) && !caller.seesEveryDepartment()) {
            throw NotPermittedException.of("consent", Long.toString(id), "not-grantee", "只有被授权部门或信用办可以登记撤回");
        }
        consent.revoke(reason, clock.instant());
        repository.saveRevocation(consent);
        audit.record("SHARING_CONSENT_REVOKED", "sharing_consent", Long.toString(id), Map.of("reason", consent.revocationReason()));
    }

    // ---- the credit office's review

    /** Reads per department and caller, and what looks wrong, in a period (days, the platform's zone). */
    record Review(LocalDate from, LocalDate to, SharingRepository.Settings settings, List<SharingRepository.Volume> volume,
                  List<SharingRepository.Flag> flags) {
    }

    /**
     * The review of a period (at most a year): each flag names its rule and the history lines behind it (a caller that
     * read many subjects in an hour, reads on days off or outside working hours, a matter the caller rarely reads for);
     * the thresholds are data ({@code sharing.review_setting}). Flags are for a person to look at, not findings.
     */
    @Transactional(readOnly = true)
    Review review(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(30) : from;
        if (start.isAfter(end)) {
            throw RuleViolationException.of("from", start.toString(), "period", "起始日期不能晚于截止日期");
        }
        if (start.plusYears(1).isBefore(end)) {
            throw RuleViolationException.of("to", end.toString(), "period-too-long", "复核期间最长一年");
        }
        java.time.ZoneId zone = clock.getZone();
        java.time.Instant a = start.atStartOfDay(zone).toInstant();
        java.time.Instant b = end.plusDays(1).atStartOfDay(zone).toInstant();
        SharingRepository.Settings settings = repository.settings(end);
        List<LocalDate> daysOff = new ArrayList<>();
        gongxin.calendar.WorkingCalendar calendar = calendars.current();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                daysOff.add(d);
            }
        }
        List<SharingRepository.Flag> flags = new ArrayList<>();
        flags.addAll(repository.manySubjects(a, b, zone.getId(), settings.subjectsPerHour()));
        flags.addAll(repository.offHours(a, b, zone.getId(), settings.workingFrom(), settings.workingTo(), daysOff));
        flags.addAll(repository.rareMatters(a, b, settings.rareMatterShare(), settings.rareMatterMinReads()));
        return new Review(start, end, settings, repository.volume(a, b), flags);
    }

    // ---- who queried me

    record History(SubjectCard subject, List<SharingRepository.Read> reads) {
    }

    /** A subject's query history (audited as a read, not itself a line of it), newest first. */
    @Transactional
    History history(SubjectReference subject, Purpose purpose, int page) {
        SubjectCard card = subjects.find(subject).orElseThrow(() -> new NotFoundException("没有该主体的信用信息"));
        List<SharingRepository.Read> reads = repository.history(card.id(), LocalDate.now(clock), Math.max(0, page) * 100, 100);
        audit.recordRead("sharing_history", Long.toString(card.id()), purpose, Map.of("page", page));
        return new History(card, reads);
    }
}
