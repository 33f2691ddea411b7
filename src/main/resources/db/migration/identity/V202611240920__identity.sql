-- Departments of the platform (a tree: city → county/district → town), staff users and their roles, and the API
-- clients of provider and business systems.
CREATE SCHEMA identity;

CREATE TABLE identity.department (
    code        TEXT PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    name        TEXT NOT NULL UNIQUE,
    credit_code CHAR(18) NOT NULL UNIQUE,
    level       TEXT NOT NULL CHECK (level IN ('CITY', 'COUNTY', 'TOWN')),
    parent_code TEXT REFERENCES identity.department (code),
    duties      TEXT[] NOT NULL DEFAULT '{}',
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (parent_code IS NULL OR parent_code <> code)
);
CREATE INDEX department_parent_idx ON identity.department (parent_code);

CREATE TABLE identity.staff_user (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username             TEXT NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,31}$'),
    display_name         TEXT NOT NULL,
    department_code      TEXT NOT NULL REFERENCES identity.department (code),
    roles                TEXT[] NOT NULL CHECK (cardinality(roles) > 0),
    password_hash        TEXT NOT NULL,
    enabled              BOOLEAN NOT NULL DEFAULT TRUE,
    failed_attempts      INT NOT NULL DEFAULT 0,
    locked_until         TIMESTAMP WITH TIME ZONE,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    password_changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at        TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE identity.api_client (
    id              UUID PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    department_code TEXT NOT NULL REFERENCES identity.department (code),
    aggregator      BOOLEAN NOT NULL DEFAULT FALSE,
    scopes          TEXT[] NOT NULL CHECK (cardinality(scopes) > 0),
    key_hash        CHAR(64) NOT NULL UNIQUE,
    key_hint        TEXT NOT NULL,
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    key_issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE
);
