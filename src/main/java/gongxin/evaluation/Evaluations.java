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
    static final int PAGE = 500;

    private final EvaluationRepository repository;
    private final CreditEntries entries;
    private final Subjects subjects;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Evaluations(EvaluationRepository repository, CreditEntries entries, Subjects subjects, AuditLog audit,
                TransactionTemplate transactions, Clock clock) {
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
    public Optional<SubjectGrade> asOf(long subjectId, LocalDate day) {
        return evaluate(subjectId, day).map(e -> new SubjectGrade(e.grade(), e.score(), e.model()));
    }

    /** Grades these subjects today and stores what changed; in one transaction. How many were graded. */
    int regrade(List<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        Optional<EvaluationModel> model = modelOn(today);
        if (model.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        return transactions.execute(s -> {
            int n = 0;
            for (long id : subjectIds) {
                Evaluation e = Evaluation.of(model.get(), entries.ofSubject(id, EntryDetail.MEASURES), today);
                repository.store(id, e, now);
                n++;
            }
            return n;
        });
    }

    /** Queues subjects to be graded again by any node's worker. */
    void enqueue(List<Long> subjectIds) {
        repository.enqueue(subjectIds, clock.instant());
    }

    /** Grades what is queued, a page at a time, until nothing is; how many subjects were graded. */
    int drain() {
        int total = 0;
        while (true) {
            Integer n = transactions.execute(s -> {
                List<Long> taken = repository.take(PAGE);
                // graded in the transaction that took them: a node that dies gives them back
                return taken.isEmpty() ? 0 : regrade(taken);
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

    /** Every subject of the registry, graded page by page, each page in its own transaction. */
    void run(UUID id) {
        try {
            long after = 0;
            int graded = 0;
            while (true) {
                List<Long> page = subjects.idsAfter(after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                graded += regrade(page);
                after = page.get(page.size() - 1);
                int done = graded;
                transactions.executeWithoutResult(s -> repository.progress(id, done));
            }
            int done = graded;
            transactions.executeWithoutResult(s -> repository.finishRun(id, done, repository.distribution(), clock.instant()));
            log.info("Evaluation run {}: {} subjects graded", id, graded);
        } catch (RuntimeException e) {
            log.error("Evaluation run {} failed", id, e);
            transactions.executeWithoutResult(s -> repository.failRun(id, String.valueOf(e.getMessage()), clock.instant()));
        }
    }

    Optional<EvaluationRepository.Run> findRun(UUID id) {
        return repository.run(id);
    }

    Map<String, Long> distribution() {
        return repository.distribution();
    }
}
