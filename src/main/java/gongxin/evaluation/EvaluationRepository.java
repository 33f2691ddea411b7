package gongxin.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The evaluation schema: model versions, current grades and their changes, the queue of subjects to grade, runs. */
@Repository
class EvaluationRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    EvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- models

    void saveModel(EvaluationModel m, Instant at, String by) {
        jdbc.sql("""
                insert into evaluation.model (code, effective_from, name, definition, recorded_at, recorded_by)
                values (:code, :from, :name, cast(:definition as jsonb), :at, :by)
                on conflict (code, effective_from) do update set name = excluded.name, definition = excluded.definition,
                    recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by""")
                .param("code", m.code()).param("from", m.effectiveFrom()).param("name", m.name())
                .param("definition", json.writeValueAsString(m)).param("at", Timestamp.from(at)).param("by", by).update();
    }

    /** Every version of every model, the latest first. */
    List<EvaluationModel> models() {
        return jdbc.sql("select definition from evaluation.model order by effective_from desc, code")
                .query((rs, n) -> json.readValue(rs.getString(1), EvaluationModel.class)).list();
    }

    boolean noModels() {
        return jdbc.sql("select not exists (select 1 from evaluation.model)").query(Boolean.class).single();
    }

    // ---- grades

    /**
     * The grade stored for a subject. Its explanation is not stored: it is computed when read, from the same entries
     * (a full run writes only what checks, samples and the oversight view read).
     */
    record Stored(long subjectId, String model, LocalDate modelFrom, LocalDate asOf, int score, String grade,
                  Instant evaluatedAt) {
    }

    Optional<Stored> grade(long subjectId) {
        return jdbc.sql("select * from evaluation.grade where subject_id = ?").param(subjectId).query(this::stored).optional();
    }

    /** The grades of these subjects, by subject id. */
    Map<Long, Grades.SubjectGrade> grades(java.util.Collection<Long> subjectIds) {
        Map<Long, Grades.SubjectGrade> out = new java.util.HashMap<>();
        if (subjectIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select subject_id, grade, score, model_code from evaluation.grade where subject_id = any(:ids)")
                .param("ids", subjectIds.toArray(Long[]::new))
                .query((rs, n) -> out.put(rs.getLong(1), new Grades.SubjectGrade(rs.getString(2), rs.getInt(3), rs.getString(4))))
                .list();
        return out;
    }

    /** What a stored grade is compared on: a grade found again with the same values is not written again. */
    private record Held(String model, LocalDate modelFrom, int score, String grade, LocalDate next) {

        static Held of(Evaluation e) {
            return new Held(e.model(), e.modelFrom(), e.score(), e.grade(), e.nextChange());
        }
    }

    /**
     * Stores a page of evaluations. The stored grades are read first, unlocked; only the evaluations that differ
     * (score, grade, model or next change) are written, in three statements: their grades as they are now (locked, so
     * that a change of grade is recorded from what it really was when two nodes grade one subject at once), the new
     * values, the changes of grade. A grade found again keeps the day and time it was first reached ({@code as_of},
     * {@code evaluated_at}), and a full run over a stable registry writes nothing: rewriting every row cost about a
     * third of a run at 1M subjects (docs/benchmarks.md).
     *
     * @return the subjects whose stored grade row was written (a new grade, score, model or next change)
     */
    List<Long> storeAll(Map<Long, Evaluation> evaluations, Instant at) {
        if (evaluations.isEmpty()) {
            return List.of();
        }
        Map<Long, Held> held = new java.util.HashMap<>();
        jdbc.sql("select subject_id, model_code, model_from, score, grade, next_change from evaluation.grade where subject_id = any(:ids)")
                .param("ids", evaluations.keySet().toArray(Long[]::new))
                .query((rs, n) -> held.put(rs.getLong(1), new Held(rs.getString(2), rs.getObject(3, LocalDate.class), rs.getInt(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class))))
                .list();
        Long[] ids = evaluations.entrySet().stream().filter(e -> !Held.of(e.getValue()).equals(held.get(e.getKey())))
                .map(Map.Entry::getKey).sorted().toArray(Long[]::new);
        if (ids.length == 0) {
            return List.of();
        }
        Map<Long, String> before = new java.util.HashMap<>();
        jdbc.sql("select subject_id, grade from evaluation.grade where subject_id = any(:ids) order by subject_id for update")
                .param("ids", ids).query((rs, n) -> before.put(rs.getLong(1), rs.getString(2))).list();
        int n = ids.length;
        String[] models = new String[n];
        String[] modelFrom = new String[n];
        String[] asOf = new String[n];
        Integer[] scores = new Integer[n];
        String[] grades = new String[n];
        String[] next = new String[n];
        List<Long> changed = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Evaluation e = evaluations.get(ids[i]);
            models[i] = e.model();
            modelFrom[i] = e.modelFrom().toString();
            asOf[i] = e.asOf().toString();
            scores[i] = e.score();
            grades[i] = e.grade();
            next[i] = e.nextChange() == null ? null : e.nextChange().toString();
            if (!e.grade().equals(before.get(ids[i]))) {
                changed.add(ids[i]);
            }
        }
        Timestamp now = Timestamp.from(at);
        jdbc.sql("""
                insert into evaluation.grade (subject_id, model_code, model_from, as_of, score, grade, next_change, evaluated_at)
                select x.id, x.model, x.model_from::date, x.as_of::date, x.score, x.grade, x.next::date, :at
                  from unnest(:ids::bigint[], :models::text[], :modelFrom::text[], :asOf::text[], :scores::int[], :grades::text[],
                              :next::text[])
                       as x(id, model, model_from, as_of, score, grade, next)
                on conflict (subject_id) do update set model_code = excluded.model_code, model_from = excluded.model_from,
                    as_of = excluded.as_of, score = excluded.score, grade = excluded.grade,
                    next_change = excluded.next_change, evaluated_at = excluded.evaluated_at""")
                .param("ids", ids).param("models", models).param("modelFrom", modelFrom).param("asOf", asOf)
                .param("scores", scores).param("grades", grades).param("next", next)
                .param("at", now).update();
        if (!changed.isEmpty()) {
            String[] from = changed.stream().map(before::get).toArray(String[]::new);
            String[] to = changed.stream().map(id -> evaluations.get(id).grade()).toArray(String[]::new);
            Integer[] score = changed.stream().map(id -> evaluations.get(id).score()).toArray(Integer[]::new);
            String[] day = changed.stream().map(id -> evaluations.get(id).asOf().toString()).toArray(String[]::new);
            String[] model = changed.stream().map(id -> evaluations.get(id).model()).toArray(String[]::new);
            jdbc.sql("""
                    insert into evaluation.grade_change (subject_id, at, as_of, from_grade, to_grade, score, model_code)
                    select x.id, :at, x.day::date, x.from_grade, x.to_grade, x.score, x.model
                      from unnest(:ids::bigint[], :days::text[], :from::text[], :to::text[], :scores::int[], :models::text[])
                           as x(id, day, from_grade, to_grade, score, model)""")
                    .param("ids", changed.toArray(Long[]::new)).param("days", day).param("from", from).param("to", to)
                    .param("scores", score).param("models", model).param("at", now).update();
        }
        return List.of(ids);
    }

    /** How many subjects have each grade now. */
    Map<String, Long> distribution() {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("select grade, count(*) from evaluation.grade group by grade order by grade")
                .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    private Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(rs.getLong("subject_id"), rs.getString("model_code"), rs.getObject("model_from", LocalDate.class),
                rs.getObject("as_of", LocalDate.class), rs.getInt("score"), rs.getString("grade"),
                rs.getTimestamp("evaluated_at").toInstant());
    }

    // ---- the queue

    /**
     * Queues subjects; {@code prompt} ones are taken before the others (a subject already queued behind a batch moves
     * ahead when a small change names it).
     */
    void enqueue(List<Long> subjectIds, boolean prompt, Instant at) {
        if (subjectIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into evaluation.pending (subject_id, queued_at, prompt)
                select distinct s, cast(:at as timestamptz), :prompt from unnest(:ids::bigint[]) s where s <> 0
                on conflict (subject_id) do update set prompt = true where excluded.prompt and not pending.prompt""")
                .param("ids", subjectIds.toArray(Long[]::new)).param("at", Timestamp.from(at)).param("prompt", prompt).update();
    }

    /** Takes up to {@code limit} queued subjects, skipping those another node is taking; in the caller's transaction. */
    List<Long> take(int limit) {
        return jdbc.sql("""
                delete from evaluation.pending where subject_id in (
                    select subject_id from evaluation.pending order by prompt desc, queued_at limit :limit for update skip locked)
                returning subject_id""").param("limit", limit).query(Long.class).list();
    }

    long pending() {
        return jdbc.sql("select count(*) from evaluation.pending").query(Long.class).single();
    }

    /** Subjects whose grade may have changed by {@code day} without a new entry. */
    int enqueueDue(LocalDate day, Instant at) {
        return jdbc.sql("""
                insert into evaluation.pending (subject_id, queued_at)
                select subject_id, cast(:at as timestamptz) from evaluation.grade where next_change <= :day
                on conflict (subject_id) do nothing""").param("day", day).param("at", Timestamp.from(at)).update();
    }

    // ---- samples

    void saveSample(UUID id, String department, String matter, String seed, Map<String, Double> ratios, int population,
                    SampleDraw.Result result, Instant at, String by) {
        jdbc.sql("""
                insert into evaluation.sample (id, department_code, matter, seed, ratios, population, drawn, by_grade, created_at,
                                               created_by)
                values (:id, :department, :matter, :seed, cast(:ratios as jsonb), :population, cast(:drawn as jsonb),
                        cast(:byGrade as jsonb), :at, :by)""")
                .param("id", id).param("department", department).param("matter", matter).param("seed", seed)
                .param("ratios", json.writeValueAsString(ratios)).param("population", population)
                .param("drawn", json.writeValueAsString(result.drawn())).param("byGrade", json.writeValueAsString(result.byGrade()))
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    // ---- runs

    record Run(UUID id, String status, int subjects, Map<String, Long> grades, Instant startedAt, Instant finishedAt,
               String failure) {
    }

    void startRun(UUID id, Instant at, String by) {
        jdbc.sql("insert into evaluation.run (id, status, started_at, started_by) values (?, 'RUNNING', ?, ?)")
                .params(id, Timestamp.from(at), by).update();
    }

    void progress(UUID id, int subjects) {
        jdbc.sql("update evaluation.run set subjects = ? where id = ?").params(subjects, id).update();
    }

    void finishRun(UUID id, int subjects, Map<String, Long> grades, Instant at) {
        jdbc.sql("update evaluation.run set status = 'FINISHED', subjects = ?, grades = cast(? as jsonb), finished_at = ? where id = ?")
                .params(subjects, json.writeValueAsString(grades), Timestamp.from(at), id).update();
    }

    void failRun(UUID id, String failure, Instant at) {
        jdbc.sql("update evaluation.run set status = 'FAILED', failure = ?, finished_at = ? where id = ?")
                .params(failure, Timestamp.from(at), id).update();
    }

    Optional<Run> lastFinishedRun() {
        return jdbc.sql("select id from evaluation.run where status = 'FINISHED' order by finished_at desc limit 1")
                .query(UUID.class).optional().flatMap(this::run);
    }

    /** A movement between grades: how many subjects went from one grade to another. */
    record Movement(String from, String to, long subjects) {
    }

    /** The subjects' grade movements since {@code since} (a subject that moved twice counts in both). */
    List<Movement> movementsSince(Instant since) {
        return jdbc.sql("""
                select coalesce(from_grade, '—') as from_grade, to_grade, count(distinct subject_id)
                  from evaluation.grade_change where at > ? group by 1, 2 order by 1, 2""")
                .param(Timestamp.from(since))
                .query((rs, n) -> new Movement(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    Optional<Run> run(UUID id) {
        return jdbc.sql("select * from evaluation.run where id = ?").param(id).query((rs, n) -> {
            String grades = rs.getString("grades");
            Timestamp finished = rs.getTimestamp("finished_at");
            return new Run(rs.getObject("id", UUID.class), rs.getString("status"), rs.getInt("subjects"),
                    grades == null ? Map.of() : json.readValue(grades, new TypeReference<LinkedHashMap<String, Long>>() { }),
                    rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                    rs.getString("failure"));
        }).optional();
    }
}
