package gongxin.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import gongxin.audit.AuditLog;
import gongxin.entries.CreditEntries;
import gongxin.entries.EntryDetail;
import gongxin.identity.Caller;
import gongxin.shared.RuleViolationException;
import gongxin.subjects.Subjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grading (issue 22): the model in force on a day, a subject's evaluation from its credit entries, grades stored as
 * they change, full runs over every subject.
 */
@Service
class Evaluations implements Grades {

    private static final Logger log = LoggerFactory.getLogger(Evaluations.class);
    static final int PAGE = 1000;

    private final EvaluationRepository repository;
    private final CreditEntries entries;
    private final Subjects subjects;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    Evaluations(EvaluationRepository repository, CreditEntries entries, Subjects subjects, AuditLog audit,
                TransactionTemplate transactions, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.entries = entries;
        this.subjects = subjects;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    // ---- models

    /**
     * Saves a model version. A version applies from its date until a later one; one that applies already is never
     * rewritten and no new version is dated in the past (a model change never rewrites past grades), except the first
     * version of a code, which may be dated back to grade history.
     */
    EvaluationModel putModel(Caller caller, String code, EvaluationModel.Draft draft) {
        EvaluationModel m = EvaluationModel.define(code, draft);
        LocalDate today = LocalDate.now(clock);
        List<EvaluationModel> versions = repository.models().stream().filter(v -> v.code().equals(m.code())).toList();
        boolean first = versions.isEmpty();
        if (!first && m.effectiveFrom().isBefore(today)) {
            throw RuleViolationException.of("effectiveFrom", m.effectiveFrom().toString(), "effective-in-past",
                    "模型的新版本只能自今天或以后适用，已作出的评价不被改写");
        }
        if (versions.stream().anyMatch(v -> v.effectiveFrom().equals(m.effectiveFrom()) && !v.effectiveFrom().isAfter(today))) {
            throw RuleViolationException.of("effectiveFrom", m.effectiveFrom().toString(), "effective-in-past",
                    "该版本已开始适用，不能修改；请以新的适用日期提交新版本");
        }
        transactions.executeWithoutResult(s -> {
            repository.saveModel(m, clock.instant(), caller.name());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("effectiveFrom", m.effectiveFrom().toString());
            details.put("base", m.base());
            details.put("grades", m.grades().size());
            details.put("indicators", m.indicators().size());
            audit.record("EVALUATION_MODEL_SAVED", "evaluation_model", m.code(), details);
        });
        return m;
    }

    List<EvaluationModel> models() {
        return repository.models();
    }

    /** The version in force on {@code day}: the one with the latest date on or before it, whichever its code. */
    Optional<EvaluationModel> modelOn(LocalDate day) {
        return modelOn(repository.models(), day);
    }

    private static Optional<EvaluationModel> modelOn(List<EvaluationModel> models, LocalDate day) {
        return models.stream().filter(m -> !m.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(EvaluationModel::effectiveFrom));
    }

    // ---- evaluating

    /** The subject's evaluation on {@code day}; empty when no model applies then. */
    Optional<Evaluation> evaluate(long subjectId, LocalDate day) {
        return modelOn(day).map(m -> Evaluation.of(m, entries.ofSubject(subjectId, EntryDetail.MEASURES), day));
    }

    @Override
    public Optional<SubjectGrade> current(long subjectId) {
        return repository.grade(subjectId).map(g -> new SubjectGrade(g.grade(), g.score(), g.model()));
    }

    @Override
    public Map<Long, SubjectGrade> current(java.util.Collection<Long> subjectIds) {
        return repository.grades(subjectIds);
    }

    @Override
    public Optional<Explained> explained(long subjectId, LocalDate day) {
        return evaluate(subjectId, day).map(e -> new Explained(e.grade(), e.score(), e.model(), e.asOf(),
                e.explanation().stream().map(l -> new Explained.Line(l.name(), l.points(),
                        l.entries().stream().map(s -> s.title() + "（" + s.date() + "）").toList())).toList(),
                e.override() == null ? null : new Explained.Line("直接定为 " + e.override().grade() + " 级", 0,
                        List.of(e.override().entry().title() + "（" + e.override().entry().date() + "）"))));
    }

    @Override
    public Map<Long, SubjectGrade> asOf(java.util.Collection<Long> subjectIds, LocalDate day) {
        Map<Long, SubjectGrade> out = new java.util.HashMap<>();
        Optional<EvaluationModel> model = modelOn(day);
        if (model.isEmpty() || subjectIds.isEmpty()) {
            return out;
        }
        Map<Long, List<gongxin.entries.CreditEntry>> bySubject = entries.countingOn(subjectIds, day, EntryDetail.MEASURES);
        for (long id : subjectIds) {
            Evaluation e = Evaluation.of(model.get(), bySubject.getOrDefault(id, List.of()), day);
            out.put(id, new SubjectGrade(e.grade(), e.score(), e.model()));
        }
        return out;
    }

    @Override
    public Optional<SubjectGrade> asOf(long subjectId, LocalDate day) {
        return evaluate(subjectId, day).map(e -> new SubjectGrade(e.grade(), e.score(), e.model()));
    }

    /** Grades these subjects today and stores what changed; in one transaction. How many were graded. */
    int regrade(List<Long> subjectIds) {
        LocalDate today = LocalDate.now(clock);
        return regrade(subjectIds, modelOn(today), today);
    }

    /** The same with the model of {@code today}, which a caller grading many pages looks up once (models are JSON). */
    private int regrade(List<Long> subjectIds, Optional<EvaluationModel> model, LocalDate today) {
        if (subjectIds.isEmpty() || model.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        return transactions.execute(s -> {
            // the page's entries that may still count, in one statement per producer, not a few per subject
            Map<Long, List<gongxin.entries.CreditEntry>> bySubject = entries.countingOn(subjectIds, today, EntryDetail.MEASURES);
            Map<Long, Evaluation> page = new LinkedHashMap<>();
            for (long id : subjectIds) {
                page.put(id, Evaluation.of(model.get(), bySubject.getOrDefault(id, List.of()), today));
            }
            List<Long> stored = repository.storeAll(page, now);
            if (!stored.isEmpty()) {
                events.publishEvent(new GradesChanged(stored));
            }
            return page.size();
        });
    }

    /**
     * Queues subjects to be graded again by any node's worker; {@code prompt} ones before the others, so that a single
     * decision is followed within seconds while a large batch is being graded.
     */
    void enqueue(List<Long> subjectIds, boolean prompt) {
        repository.enqueue(subjectIds, prompt, clock.instant());
    }

    /** Grades what is queued, a page at a time, until nothing is; how many subjects were graded. */
    int drain() {
        LocalDate today = LocalDate.now(clock);
        Optional<EvaluationModel> model = modelOn(today);
        int total = 0;
        while (true) {
            Integer n = transactions.execute(s -> {
                List<Long> taken = repository.take(PAGE);
                // graded in the transaction that took them: a node that dies gives them back
                return taken.isEmpty() ? 0 : regrade(taken, model, today);
            });
            if (n == null || n == 0) {
                return total;
            }
            total += n;
        }
    }

    /** Queues the subjects whose grade may have changed by today without a new entry (a window ended, a look-back). */
    int enqueueDue() {
        return repository.enqueueDue(LocalDate.now(clock), clock.instant());
    }

    // ---- samples

    /** What a department asks for: the population, the share of each grade to draw, and a seed if it has one. */
    record SampleRequest(String department, String matter, List<String> creditCodes, Map<String, Double> ratios, String seed) {
    }

    record Sample(UUID id, String seed, SampleDraw.Result result) {
    }

    /**
     * Draws an inspection sample by grade (双随机): each subject's current grade (graded now if it never was), the
     * ratios given or the model's, the seed given or a new one; stored and audited with everything needed to draw it
     * again.
     */
    Sample sample(Caller caller, SampleRequest r) {
        List<gongxin.shared.RuleViolation> v = new java.util.ArrayList<>();
        List<String> codes = r.creditCodes() == null ? List.of() : r.creditCodes().stream()
                .filter(c -> c != null && !c.isBlank()).map(gongxin.shared.Text::normalizeIdentifier).distinct().toList();
        if (codes.isEmpty()) {
            v.add(gongxin.shared.RuleViolation.of("population.creditCodes", null, "population-required", "请给出抽查对象范围（统一社会信用代码）"));
        }
        if (r.department() == null || r.department().isBlank()) {
            v.add(gongxin.shared.RuleViolation.of("department", null, "required", "请给出抽查部门"));
        }
        LocalDate today = LocalDate.now(clock);
        Optional<EvaluationModel> model = modelOn(today);
        Map<String, Double> ratios = r.ratios() != null && !r.ratios().isEmpty() ? r.ratios()
                : model.map(EvaluationModel::samplingRatios).orElse(Map.of());
        v.addAll(EvaluationModel.checkRatios(ratios, "ratios"));
        if (ratios.isEmpty()) {
            v.add(gongxin.shared.RuleViolation.of("ratios", null, "ratio-range", "请给出各等级的抽查比例（模型未规定默认比例）"));
        }
        String seed = r.seed() == null || r.seed().isBlank() ? newSeed() : r.seed().strip();
        if (!seed.matches("\\d{1,40}")) {
            v.add(gongxin.shared.RuleViolation.of("seed", r.seed(), "seed", "随机种子应为不超过 40 位的数字"));
        }
        if (!v.isEmpty()) {
            throw new RuleViolationException("抽查请求不完整", v);
        }
        if (!caller.mayActFor(r.department().strip()) && !caller.hasRole(gongxin.identity.Role.ADMIN)) {
            throw gongxin.shared.NotPermittedException.of("department", r.department(), "not-your-department", "只能为本部门抽取检查对象");
        }
        List<Optional<gongxin.subjects.SubjectCard>> found = subjects.findAll(codes.stream()
                .map(c -> new gongxin.subjects.SubjectReference(c, null, null)).toList());
        List<gongxin.shared.RuleViolation> unknown = new java.util.ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (found.get(i).isEmpty()) {
                unknown.add(gongxin.shared.RuleViolation.of("population.creditCodes[" + i + "]", codes.get(i), "unknown-subject", "平台没有该主体"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("抽查对象中有平台没有的主体", unknown);
        }
        List<Long> ids = found.stream().map(f -> f.get().id()).toList();
        Map<Long, SubjectGrade> graded = repository.grades(ids);
        List<SampleDraw.Member> population = new java.util.ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            long id = ids.get(i);
            SubjectGrade g = graded.containsKey(id) ? graded.get(id) : asOf(id, today).orElse(null);
            if (g == null) {
                throw RuleViolationException.of("population", null, "no-model", "今天没有适用的评价模型，无法按等级抽查");
            }
            population.add(new SampleDraw.Member(codes.get(i), g.grade()));
        }
        SampleDraw.Result result = SampleDraw.draw(population, ratios, seed);
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(s -> {
            repository.saveSample(id, r.department().strip(), r.matter(), seed, ratios, population.size(), result, clock.instant(),
                    caller.name());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("department", r.department().strip());
            details.put("matter", r.matter());
            details.put("seed", seed);
            details.put("population", population.size());
            details.put("drawn", result.drawn().stream().map(SampleDraw.Member::creditCode).toList());
            audit.record("EVALUATION_SAMPLE_DRAWN", "evaluation_sample", id.toString(), details);
        });
        return new Sample(id, seed, result);
    }

    private final java.security.SecureRandom random = new java.security.SecureRandom();

    private String newSeed() {
        return String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
    }

    // ---- runs

    UUID startRun(Caller caller) {
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(s -> {
            repository.startRun(id, clock.instant(), caller.name());
            audit.record("EVALUATION_RUN_STARTED", "evaluation_run", id.toString(), Map.of());
        });
        Thread worker = new Thread(() -> run(id), "evaluation-run");
        worker.setDaemon(true);
        worker.start();
        return id;
    }

    /** How many pages of a run are graded at once (each on its own database session). */
    static final int RUN_THREADS = 2;

    /**
     * Every subject of the registry, graded page by page, each page in its own transaction, {@link #RUN_THREADS} pages
     * at once (pages are disjoint, so they never wait for each other's rows); the next page's ids are read while the
     * others are graded.
     */
    void run(UUID id) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(RUN_THREADS, r -> {
            Thread t = new Thread(r, "evaluation-run-page");
            t.setDaemon(true);
            return t;
        });
        try {
            LocalDate today = LocalDate.now(clock);
            Optional<EvaluationModel> model = modelOn(today);
            long after = 0;
            int graded = 0;
            java.util.ArrayDeque<java.util.concurrent.Future<Integer>> running = new java.util.ArrayDeque<>();
            while (true) {
                List<Long> page = subjects.idsAfter(after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1);
                running.add(pool.submit(() -> regrade(page, model, today)));
                if (running.size() >= RUN_THREADS) {
                    graded += running.poll().get();
                    int done = graded;
                    transactions.executeWithoutResult(s -> repository.progress(id, done));
                }
            }
            while (!running.isEmpty()) {
                graded += running.poll().get();
            }
            int done = graded;
            transactions.executeWithoutResult(s -> repository.finishRun(id, done, repository.distribution(), clock.instant()));
            log.info("Evaluation run {}: {} subjects graded", id, graded);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Evaluation run {} failed", id, e);
            transactions.executeWithoutResult(s -> repository.failRun(id, String.valueOf(e.getMessage()), clock.instant()));
        } finally {
            pool.shutdownNow();
        }
    }

    Optional<EvaluationRepository.Run> findRun(UUID id) {
        return repository.run(id);
    }

}
