package gongxin.screening;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import gongxin.audit.AuditLog;
import gongxin.audit.Purpose;
import gongxin.calendar.Calendars;
import gongxin.identity.Caller;
import gongxin.identity.Departments;
import gongxin.measures.Measure;
import gongxin.measures.Measures;
import gongxin.shared.NotFoundException;
import gongxin.shared.NotPermittedException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;
import gongxin.subjects.SubjectCard;
import gongxin.subjects.SubjectReference;
import gongxin.subjects.Subjects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The check business systems call before they act (发起-响应-反馈): the subject's hits on the day asked, the measures
 * that apply for the matter with their legal basis, what was not applied and why, a signed receipt; the answer stored
 * byte for byte; feedback of what was applied; statistics for the credit office; a change feed for what was checked.
 * Every check is audited as a read with its purpose.
 */
@Service
class Checks {

    static final int MAX_BATCH = 1000;

    record Request(String matter, String purpose, SubjectReference subject, LocalDate asOf) {
    }

    record BatchRequest(String matter, String purpose, List<SubjectReference> subjects, LocalDate asOf) {
    }

    /** An answer as sent, and its id. */
    record Answer(UUID id, byte[] json) {
    }

    record NotAppliedFeedback(String code, String reason) {
    }

    private final CheckIndex index;
    private final gongxin.evaluation.Grades grades;
    private final Subjects subjects;
    private final Measures measures;
    private final Departments departments;
    private final Receipts receipts;
    private final AuditLog audit;
    private final Calendars calendars;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int feedbackWorkingDays;
    private final JsonMapper json = JsonMapper.builder().build();

    /** How long a check makes its client follow the subject's changes (a later check extends it). */
    private final java.time.Duration watchFor;

    Checks(CheckIndex index, gongxin.evaluation.Grades grades, Subjects subjects, Measures measures, Departments departments, Receipts receipts, AuditLog audit,
           Calendars calendars, JdbcClient jdbc, Clock clock,
           @Value("${gongxin.screening.feedback-working-days:5}") int feedbackWorkingDays,
           @Value("${gongxin.screening.watch-for:P180D}") java.time.Duration watchFor) {
        this.watchFor = watchFor;
        this.index = index;
        this.grades = grades;
        this.subjects = subjects;
        this.measures = measures;
        this.departments = departments;
        this.receipts = receipts;
        this.audit = audit;
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.clock = clock;
        this.feedbackWorkingDays = feedbackWorkingDays;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    Answer check(Caller caller, Request request) {
        Purpose purpose = Purpose.requiredText(request.purpose(), "purpose");
        String matter = matter(request.matter());
        LocalDate asOf = asOf(request.asOf());
        if (request.subject() == null) {
            throw RuleViolationException.of("subject", null, "subject-required", "请给出统一社会信用代码，或自然人的姓名与身份证号码");
        }
        Optional<SubjectCard> subject = subjects.findAll(List.of(request.subject())).get(0);
        List<Measure> applicable = measures.applicable(matter, asOf);
        Links links = links(subject.stream().toList(), asOf);
        Map<Long, List<Hit>> hits = hits(subject.stream().toList(), links);
        Map<Long, gongxin.evaluation.Grades.SubjectGrade> graded = grades(subject.stream().toList(), asOf);
        UUID id = UUID.randomUUID();
        Instant issued = clock.instant();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id.toString());
        answer.put("matter", matter);
        answer.put("asOf", asOf.toString());
        question(answer, caller, purpose, issued);
        Map<String, Object> result = result(subject, hits, links, graded, applicable, asOf);
        result.put("asked", asked(request.subject()));
        answer.putAll(result);
        Map<String, Object> receipt = receipts.receipt(id.toString(), issued.toString(), withoutReceipt(answer));
        answer.put(Receipts.RECEIPT, receipt);
        byte[] bytes = receipts.json(answer);
        int withHits = ((List<?>) result.get("hits")).isEmpty() ? 0 : 1;
        int measureCount = ((List<?>) result.get("measures")).size();
        store(id, caller, false, matter, purpose, asOf, 1, withHits, measureCount, bytes, (String) receipt.get("sm3"), issued,
                subject.map(s -> List.of(s.id())).orElse(List.of()));
        audit.recordSubjectsRead("CHECK", "check", id.toString(), purpose, Map.of("matter", matter, "subjects", 1, "withHits", withHits),
                matter, subject.map(s -> List.of(s.id())).orElse(List.of()));
        return new Answer(id, bytes);
    }

    @Transactional
    Answer batch(Caller caller, BatchRequest request) {
        Purpose purpose = Purpose.requiredText(request.purpose(), "purpose");
        String matter = matter(request.matter());
        LocalDate asOf = asOf(request.asOf());
        List<SubjectReference> refs = request.subjects() == null ? List.of() : request.subjects();
        if (refs.isEmpty()) {
            throw RuleViolationException.of("subjects", null, "subjects-required", "请给出要核查的主体");
        }
        if (refs.size() > MAX_BATCH) {
            throw RuleViolationException.of("subjects", Integer.toString(refs.size()), "batch-too-large",
                    "一次最多核查 " + MAX_BATCH + " 个主体");
        }
        List<Optional<SubjectCard>> found = subjects.findAll(refs);
        List<Measure> applicable = measures.applicable(matter, asOf);
        Links links = links(found.stream().flatMap(Optional::stream).toList(), asOf);
        Map<Long, List<Hit>> hits = hits(found.stream().flatMap(Optional::stream).toList(), links);
        Map<Long, gongxin.evaluation.Grades.SubjectGrade> graded = grades(found.stream().flatMap(Optional::stream).toList(), asOf);
        UUID id = UUID.randomUUID();
        Instant issued = clock.instant();
        List<Map<String, Object>> results = new ArrayList<>();
        int withHits = 0;
        int measureCount = 0;
        for (int i = 0; i < found.size(); i++) {
            Optional<SubjectCard> subject = found.get(i);
            Map<String, Object> result = result(subject, hits, links, graded, applicable, asOf);
            result.put("asked", asked(refs.get(i)));
            withHits += ((List<?>) result.get("hits")).isEmpty() ? 0 : 1;
            measureCount += ((List<?>) result.get("measures")).size();
            results.add(result);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id.toString());
        answer.put("matter", matter);
        answer.put("asOf", asOf.toString());
        question(answer, caller, purpose, issued);
        answer.put("results", results);
        Map<String, Object> receipt = receipts.receipt(id.toString(), issued.toString(), withoutReceipt(answer));
        answer.put(Receipts.RECEIPT, receipt);
        byte[] bytes = receipts.json(answer);
        store(id, caller, true, matter, purpose, asOf, refs.size(), withHits, measureCount, bytes, (String) receipt.get("sm3"), issued,
                found.stream().flatMap(Optional::stream).map(SubjectCard::id).distinct().toList());
        audit.recordSubjectsRead("CHECK", "check", id.toString(), purpose, Map.of("matter", matter, "subjects", refs.size(),
                "withHits", withHits), matter, found.stream().flatMap(Optional::stream).map(SubjectCard::id).toList());
        return new Answer(id, bytes);
    }

    /**
     * The question, signed with the answer (issue 25, finding 5): who asked, for which department, why, and when. A
     * receipt that left them out proved nothing about whom it concerned.
     */
    private static void question(Map<String, Object> answer, Caller caller, Purpose purpose, Instant issued) {
        answer.put("issuedAt", issued.toString());
        Map<String, Object> by = new LinkedHashMap<>();
        by.put("name", caller.name());
        by.put("department", caller.departmentCode());
        answer.put("caller", by);
        answer.put("purpose", purpose.text());
    }

    /**
     * The identifier asked about, signed with the answer: a "no hits" for an unknown subject then proves that for that
     * identifier only. An organisation's credit code as sent (trimmed, upper case); a person's name and masked ID number
     * (the answer is stored, and ID numbers are never stored in clear).
     */
    static Map<String, Object> asked(SubjectReference ref) {
        Map<String, Object> asked = new LinkedHashMap<>();
        if (ref == null) {
            return asked;
        }
        if (!gongxin.shared.Text.isBlank(ref.creditCode())) {
            asked.put("creditCode", gongxin.shared.Text.clean(ref.creditCode()).toUpperCase(java.util.Locale.ROOT));
        }
        if (!gongxin.shared.Text.isBlank(ref.idNumber())) {
            asked.put("name", ref.name() == null ? null : gongxin.shared.Text.clean(ref.name()));
            asked.put("idNumberMasked", gongxin.shared.IdNumber.masked(gongxin.shared.Text.clean(ref.idNumber()).toUpperCase(java.util.Locale.ROOT)));
        }
        return asked;
    }

    /** The stored answer, byte for byte: to the client that asked, and to the credit office's administrators and auditors. */
    byte[] stored(Caller caller, UUID id, jakarta.servlet.http.HttpServletRequest request) {
        Map<String, Object> row = row(id);
        boolean own = row.get("client").equals(caller.name());
        if (!own && !caller.seesEveryDepartment()) {
            throw NotPermittedException.of("id", id.toString(), "not-your-check", "只能查看本系统发起的核查");
        }
        if (!own) {
            // the credit office reads another's answer about a subject: with a declared purpose, audited (issue 25, finding 8)
            audit.recordRead("check", id.toString(), Purpose.declared(request), Map.of("replayOf", row.get("client")));
        }
        return ((String) row.get("answer")).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether an answer as received is exactly what the platform said. */
    Map<String, Object> verify(byte[] received) {
        Receipts.Verified v = receipts.verify(received);
        boolean valid = v.valid();
        String reason = v.reason();
        if (valid) {
            Optional<String> stored = uuid(v.id()).flatMap(id -> jdbc.sql("select sm3 from screening.check where id = ?")
                    .param(id).query(String.class).optional());
            if (stored.isEmpty()) {
                valid = false;
                reason = "平台没有该编号的核查";
            } else if (!stored.get().equals(v.sm3())) {
                valid = false;
                reason = "与平台保存的该次核查答复不一致";
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", valid);
        out.put("reason", valid ? "答复与平台出具的完全一致，签名有效" : reason);
        out.put("id", v.id());
        return out;
    }

    /**
     * What the business system did: each measure of the answer applied, or not applied with a reason. Only the system
     * that asked gives it; a batch is answered subject by subject elsewhere, so its feedback is not taken here.
     */
    @Transactional
    void feedback(Caller caller, UUID id, List<String> applied, List<NotAppliedFeedback> notApplied) {
        Map<String, Object> row = row(id);
        if (!row.get("client").equals(caller.name())) {
            throw NotPermittedException.of("id", id.toString(), "not-your-check", "只能反馈本系统发起的核查");
        }
        if ((Boolean) row.get("batch")) {
            throw RuleViolationException.of("id", id.toString(), "batch-check", "批量核查请按主体逐一核查后反馈");
        }
        Set<String> offered = new HashSet<>();
        json.readTree((String) row.get("answer")).get("measures").forEach(m -> offered.add(m.get("code").asString()));
        List<RuleViolation> errors = new ArrayList<>();
        List<String> appliedCodes = applied == null ? List.of() : applied;
        List<NotAppliedFeedback> notAppliedCodes = notApplied == null ? List.of() : notApplied;
        for (String code : appliedCodes) {
            if (!offered.contains(code)) {
                errors.add(RuleViolation.of("applied", code, "unknown-measure", "该措施不在本次核查答复中"));
            }
        }
        for (NotAppliedFeedback n : notAppliedCodes) {
            if (n == null || !offered.contains(n.code())) {
                errors.add(RuleViolation.of("notApplied", n == null ? null : n.code(), "unknown-measure", "该措施不在本次核查答复中"));
            } else if (Text.isBlank(n.reason())) {
                errors.add(RuleViolation.of("notApplied", n.code(), "reason-required", "未采取的措施须说明理由"));
            }
        }
        // every measure of the answer is accounted for: feedback that leaves one out is not complete (issue 26, finding 11)
        Set<String> answered = new HashSet<>(appliedCodes);
        notAppliedCodes.stream().filter(java.util.Objects::nonNull).forEach(n -> answered.add(n.code()));
        offered.stream().filter(code -> !answered.contains(code)).sorted().forEach(code -> errors.add(RuleViolation.of("applied", code,
                "feedback-incomplete", "答复中的措施“" + code + "”未反馈：请说明已采取，或未采取及其理由")));
        if (!errors.isEmpty()) {
            throw new RuleViolationException("反馈不符合规则", errors);
        }
        Instant now = clock.instant();
        for (String code : appliedCodes) {
            saveFeedback(id, code, true, null, now, caller);
        }
        for (NotAppliedFeedback n : notAppliedCodes) {
            saveFeedback(id, n.code(), false, n.reason().strip(), now, caller);
        }
        jdbc.sql("update screening.check set feedback_at = ? where id = ?").params(Timestamp.from(now), id).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("applied", appliedCodes);
        details.put("notApplied", notAppliedCodes.stream().map(NotAppliedFeedback::code).toList());
        audit.recordAs(caller.name(), "CHECK_FEEDBACK", "check", id.toString(), details);
    }

    /** Per department and matter: checks, checks with hits, feedback given, measures applied (应查必查). */
    List<Map<String, Object>> statistics(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(clock.getZone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        return jdbc.sql("""
                select coalesce(c.department_code, '') as department, c.matter, count(*) as checks,
                       count(*) filter (where c.with_hits > 0) as "withHits",
                       count(*) filter (where c.feedback_at is not null) as "feedbackGiven",
                       coalesce(sum((select count(*) from screening.feedback f where f.check_id = c.id and f.applied)), 0) as "measuresApplied",
                       coalesce(sum(c.subjects), 0) as subjects
                  from screening.check c
                 where c.issued_at >= :from and c.issued_at < :to
                 group by c.department_code, c.matter order by 1, 2""")
                .param("from", Timestamp.from(start)).param("to", Timestamp.from(end)).query().listOfRows();
    }

    /** Checks with hits and no feedback after the configured working days (for the credit office). */
    List<Map<String, Object>> awaitingFeedback() {
        LocalDate today = LocalDate.now(clock);
        LocalDate limit = calendars.current().addWorkingDays(today, -feedbackWorkingDays).date();
        Instant before = limit.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        return jdbc.sql("""
                select id::text as id, client, department_code as department, matter, issued_at as "issuedAt", with_hits as "withHits"
                  from screening.check where with_hits > 0 and feedback_at is null and not batch and issued_at < :before
                 order by issued_at limit 1000""").param("before", Timestamp.from(before)).query().listOfRows();
    }

    /** What changed for the subjects this client checked, after a cursor. */
    Map<String, Object> changes(Caller caller, long after, int limit, Purpose purpose) {
        int size = Math.min(Math.max(limit, 1), 1000);
        // a watch lasts from the check that made it until its expiry (a later check of the subject extends it): a
        // client does not follow a subject for ever because it once checked it (issue 25, finding 8)
        List<Map<String, Object>> rows = jdbc.sql("""
                select c.seq, c.subject_id as "subjectId", c.kind, c.hit_kind as "hitKind", c.hit_id as "hitId", c.at
                  from screening.change c join screening.watch w on w.subject_id = c.subject_id and w.client = :client
                 where c.seq > :after and c.at >= w.since and c.at < w.until
                 order by c.seq limit :size""")
                .param("client", caller.name()).param("after", after).param("size", size).query().listOfRows();
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> c = new LinkedHashMap<>(r);
            subjects.card(((Number) r.get("subjectId")).longValue()).ifPresent(s -> {
                Map<String, Object> subject = new LinkedHashMap<>();
                subject.put("id", s.id());
                subject.put("name", s.name());
                subject.put("creditCode", s.creditCode());
                c.put("subject", subject);
            });
            changes.add(c);
        }
        if (!changes.isEmpty()) {
            audit.recordSubjectsRead("CHANGES", "check_changes", caller.name(), purpose, Map.of("after", after, "changes", changes.size()),
                    null, rows.stream().map(r -> ((Number) r.get("subjectId")).longValue()).distinct().toList());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("changes", changes);
        out.put("next", rows.isEmpty() ? after : ((Number) rows.get(rows.size() - 1).get("seq")).longValue());
        return out;
    }

    /**
     * The subjects' evaluation grades on {@code asOf}: as last evaluated for today (one statement for a batch), computed
     * from the entries as they stood for an earlier day.
     */
    private Map<Long, gongxin.evaluation.Grades.SubjectGrade> grades(List<SubjectCard> found, LocalDate asOf) {
        List<Long> ids = found.stream().map(SubjectCard::id).distinct().toList();
        if (asOf.equals(LocalDate.now(clock))) {
            return grades.current(ids);
        }
        return grades.asOf(ids, asOf);
    }

    /**
     * 落实到人 on the day asked (issue 26, finding 3): the legal representative of each organisation checked, and the
     * organisations each person checked represented, on {@code asOf} (the registry keeps who represented whom when).
     */
    record Links(Map<Long, Long> representativeOf, Map<Long, List<Long>> represented) {
    }

    private Links links(List<SubjectCard> found, LocalDate asOf) {
        List<Long> organisations = found.stream().filter(s -> s.creditCode() != null).map(SubjectCard::id).distinct().toList();
        List<Long> persons = found.stream().filter(s -> s.creditCode() == null).map(SubjectCard::id).distinct().toList();
        return new Links(subjects.representativesOn(organisations, asOf), subjects.representedOn(persons, asOf));
    }

    private Map<String, Object> result(Optional<SubjectCard> subject, Map<Long, List<Hit>> hits, Links links,
                                       Map<Long, gongxin.evaluation.Grades.SubjectGrade> graded, List<Measure> applicable,
                                       LocalDate asOf) {
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("known", subject.isPresent());
        who.put("id", subject.map(SubjectCard::id).orElse(null));
        who.put("name", subject.map(SubjectCard::name).orElse(null));
        who.put("creditCode", subject.map(SubjectCard::creditCode).orElse(null));
        result.put("subject", who);
        gongxin.evaluation.Grades.SubjectGrade grade = subject.map(s -> graded.get(s.id())).orElse(null);
        if (grade != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("grade", grade.grade());
            g.put("score", grade.score());
            g.put("model", grade.model());
            result.put("grade", g);
        } else {
            result.put("grade", null);
        }
        List<Hit> own = new ArrayList<>();
        subject.ifPresent(s -> {
            own.addAll(hits.getOrDefault(s.id(), List.of()));
            Long representative = links.representativeOf().get(s.id());
            if (representative != null) {
                hits.getOrDefault(representative, List.of()).stream().map(Hit::viaLegalRepresentative).forEach(own::add);
            }
            // a person is bound by the listings of the organisations it represented that day, where a measure says so
            for (long organisation : links.represented().getOrDefault(s.id(), List.of())) {
                hits.getOrDefault(organisation, List.of()).stream()
                        .filter(h -> h.kind() == gongxin.entries.EntryKind.LIST_ENTRY && h.dishonesty())
                        .filter(h -> applicable.stream().anyMatch(m -> m.reachesRepresentatives() && m.triggeredByListType(h.code())))
                        .map(Hit::viaRepresentedOrganisation).forEach(own::add);
            }
        });
        CheckEvaluation.Result evaluation = CheckEvaluation.evaluate(own, applicable, asOf, grade == null ? null : grade.grade());
        result.put("hits", evaluation.hits().stream().map(h -> hit(h, asOf)).toList());
        result.put("measures", evaluation.applied().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", a.measure().code());
            m.put("name", a.measure().name());
            m.put("kind", a.measure().kind().name());
            m.put("mandatory", a.measure().mandatory());
            m.put("basis", a.measure().basis());
            m.put("implementedBy", a.measure().implementedBy());
            m.put("triggeredBy", a.triggeredBy());
            if (a.grade() != null) {
                m.put("triggeredByGrade", a.grade());
            }
            return m;
        }).toList());
        result.put("notApplied", evaluation.notApplied().stream().map(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", n.code());
            m.put("hitId", n.hitId());
            m.put("reason", n.reason());
            return m;
        }).toList());
        return result;
    }

    private Map<String, Object> hit(Hit h, LocalDate asOf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", h.kind().name());
        m.put("kindLabel", h.kind().label());
        m.put("id", h.sourceId());
        m.put("title", h.title());
        m.put("documentNumber", h.documentNumber());
        m.put("department", departmentName(h.departmentCode()));
        m.put("date", h.decidedOn().toString());
        m.put("severity", h.severity());
        m.put("listKind", h.listKind());
        m.put("nature", h.nature().name());
        m.put("suspended", h.suspended(asOf));
        m.put("suspendedReason", h.suspended(asOf) ? "异议已受理（" + h.suspendedSince() + " 起），核查中" : null);
        m.put("minor", h.minor());
        m.put("via", h.via().name());
        return m;
    }

    /** Names change rarely and every hit shows one: kept a few minutes, so that a rename shows soon. */
    private final com.github.benmanes.caffeine.cache.Cache<String, String> departmentNames =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(java.time.Duration.ofMinutes(5)).build();

    private String departmentName(String code) {
        return departmentNames.get(code, departments::nameOf);
    }

    private Map<Long, List<Hit>> hits(List<SubjectCard> found, Links links) {
        List<Long> ids = new ArrayList<>();
        for (SubjectCard s : found) {
            ids.add(s.id());
        }
        ids.addAll(links.representativeOf().values());
        links.represented().values().forEach(ids::addAll);
        Map<Long, List<Hit>> bySubject = new HashMap<>();
        for (Hit h : index.hitsOf(ids.stream().distinct().toList())) {
            bySubject.computeIfAbsent(h.subjectId(), k -> new ArrayList<>()).add(h);
        }
        return bySubject;
    }

    private String matter(String code) {
        if (Text.isBlank(code) || measures.matter(code.strip()).isEmpty()) {
            throw RuleViolationException.of("matter", code, "unknown-matter", "事项不在事项目录中（见 /api/v1/checks/matters）");
        }
        return code.strip();
    }

    private LocalDate asOf(LocalDate asked) {
        LocalDate today = LocalDate.now(clock);
        if (asked == null) {
            return today;
        }
        if (asked.isAfter(today)) {
            throw RuleViolationException.of("asOf", asked.toString(), "not-future", "核查日期不能晚于今天");
        }
        return asked;
    }

    private void store(UUID id, Caller caller, boolean batch, String matter, Purpose purpose, LocalDate asOf, int subjectCount,
                       int withHits, int measureCount, byte[] answer, String sm3, Instant issued, List<Long> watched) {
        // the answer and the subjects it makes the client watch, in one statement
        jdbc.sql("""
                with stored as (
                    insert into screening.check (id, client, department_code, batch, matter, purpose, as_of, subjects, with_hits,
                                                 measures, answer, sm3, issued_at)
                    values (:id, :client, :department, :batch, :matter, :purpose, :asOf, :subjects, :withHits, :measures, :answer,
                            :sm3, :issued)
                    returning client, issued_at)
                insert into screening.watch (client, subject_id, since, until)
                select stored.client, s, stored.issued_at, stored.issued_at + cast(:watchFor as interval)
                  from stored, unnest(:watched::bigint[]) s
                on conflict (subject_id, client) do update set until = greatest(screening.watch.until, excluded.until)""")
                .param("watched", watched.toArray(Long[]::new)).param("watchFor", watchFor.toDays() + " days")
                .param("id", id).param("client", caller.name()).param("department", caller.departmentCode())
                .param("batch", batch).param("matter", matter).param("purpose", purpose.text()).param("asOf", asOf)
                .param("subjects", subjectCount).param("withHits", withHits).param("measures", measureCount)
                .param("answer", new String(answer, StandardCharsets.UTF_8))
                .param("sm3", sm3).param("issued", Timestamp.from(issued)).update();
    }

    private void saveFeedback(UUID id, String code, boolean applied, String reason, Instant at, Caller caller) {
        jdbc.sql("""
                insert into screening.feedback (check_id, measure, applied, reason, given_at, given_by) values (?, ?, ?, ?, ?, ?)
                on conflict (check_id, measure) do update set applied = excluded.applied, reason = excluded.reason,
                    given_at = excluded.given_at, given_by = excluded.given_by""")
                .params(id, code, applied, reason, Timestamp.from(at), caller.name()).update();
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql("select client, batch, answer from screening.check where id = ?").param(id).query().listOfRows()
                .stream().findFirst().orElseThrow(() -> new NotFoundException("没有该核查"));
    }

    private static Map<String, Object> withoutReceipt(Map<String, Object> answer) {
        Map<String, Object> copy = new LinkedHashMap<>(answer);
        copy.remove(Receipts.RECEIPT);
        return copy;
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
