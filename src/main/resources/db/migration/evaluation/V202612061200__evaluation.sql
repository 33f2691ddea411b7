-- Public credit evaluation (公共信用综合评价, issue 22): points models as data, versioned by the day they apply from;
-- every subject's current grade; the grade changes kept as history; subjects waiting to be graded
-- again (any node's worker takes them, SKIP LOCKED); full runs.
CREATE SCHEMA evaluation;

CREATE TABLE evaluation.model (
    code            TEXT NOT NULL,
    effective_from  DATE NOT NULL,
    name            TEXT NOT NULL,
    definition      JSONB NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by     TEXT NOT NULL,
    PRIMARY KEY (code, effective_from)
);

-- The grade of each subject as last evaluated, and the first day its grade may change without a new entry (an entry
-- stops counting, a look-back period passes): the daily job re-grades those. The explanation is computed when read.
CREATE TABLE evaluation.grade (
    subject_id       BIGINT PRIMARY KEY,
    model_code       TEXT NOT NULL,
    model_from       DATE NOT NULL,
    as_of            DATE NOT NULL,
    score            INT NOT NULL,
    grade            TEXT NOT NULL,
    next_change      DATE,
    evaluated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX grade_grade_idx ON evaluation.grade (grade);
CREATE INDEX grade_next_change_idx ON evaluation.grade (next_change) WHERE next_change IS NOT NULL;

CREATE TABLE evaluation.grade_change (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id   BIGINT NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    as_of        DATE NOT NULL,
    from_grade   TEXT,
    to_grade     TEXT NOT NULL,
    score        INT NOT NULL,
    model_code   TEXT NOT NULL
);
CREATE INDEX grade_change_subject_idx ON evaluation.grade_change (subject_id, id);
CREATE INDEX grade_change_at_idx ON evaluation.grade_change (at);

CREATE TABLE evaluation.pending (
    subject_id  BIGINT PRIMARY KEY,
    queued_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE evaluation.run (
    id           UUID PRIMARY KEY,
    status       TEXT NOT NULL CHECK (status IN ('RUNNING', 'FINISHED', 'FAILED')),
    subjects     INT NOT NULL DEFAULT 0,
    grades       JSONB,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    started_by   TEXT NOT NULL,
    failure      TEXT
);

-- Inspection samples drawn by grade (双随机): reproducible from the seed, kept with what was drawn.
CREATE TABLE evaluation.sample (
    id              UUID PRIMARY KEY,
    department_code TEXT NOT NULL,
    matter          TEXT,
    seed            TEXT NOT NULL,
    ratios          JSONB NOT NULL,
    population      INT NOT NULL,
    drawn           JSONB NOT NULL,
    by_grade        JSONB NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      TEXT NOT NULL
);
