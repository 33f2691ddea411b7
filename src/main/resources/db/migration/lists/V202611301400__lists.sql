-- The credit lists module. List types are data the credit office manages (issue 9): a dishonesty list only in one of
-- the four domains 国办发〔2020〕49号 allows, and always with its legal basis.
CREATE SCHEMA lists;

CREATE TABLE lists.list_type (
    code                   TEXT PRIMARY KEY,
    name                   TEXT NOT NULL,
    kind                   TEXT NOT NULL CHECK (kind IN ('DISHONESTY', 'RED')),
    domain                 TEXT CHECK (domain IN ('HEALTH_SAFETY', 'MARKET_ORDER', 'DEFYING_DUTIES', 'NATIONAL_DEFENCE')),
    department_code        TEXT NOT NULL,
    basis                  TEXT NOT NULL CHECK (basis <> ''),
    measures               TEXT[] NOT NULL DEFAULT '{}',
    statement_working_days INT,
    minimum_months         INT NOT NULL CHECK (minimum_months >= 0),
    maximum_months         INT NOT NULL CHECK (maximum_months >= minimum_months),
    removal_conditions     TEXT,
    upstream               BOOLEAN NOT NULL DEFAULT FALSE,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by             TEXT NOT NULL,
    CHECK (kind = 'RED' OR domain IS NOT NULL)
);
