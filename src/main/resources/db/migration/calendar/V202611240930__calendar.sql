-- The statutory working-day calendar, one announced year at a time (holiday-cn format). A year not loaded here
-- makes any deadline that runs through it provisional.
CREATE SCHEMA calendar;

CREATE TABLE calendar.year (
    year        INT PRIMARY KEY CHECK (year BETWEEN 1990 AND 2200),
    source      TEXT NOT NULL,
    papers      TEXT[] NOT NULL DEFAULT '{}',
    content_sm3 CHAR(64) NOT NULL,
    loaded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    loaded_by   TEXT NOT NULL
);

-- A day the year's announcement lists: a holiday (off_day) or a make-up working day on a weekend (调休).
-- An announcement may list days of the previous year (e.g. 2019's lists 2018-12-29).
CREATE TABLE calendar.special_day (
    year    INT NOT NULL REFERENCES calendar.year (year) ON DELETE CASCADE,
    date    DATE NOT NULL,
    name    TEXT NOT NULL,
    off_day BOOLEAN NOT NULL,
    PRIMARY KEY (year, date)
);

-- Bumped on every load, so that each node knows when to rebuild its cached calendar.
CREATE TABLE calendar.revision (
    id       INT PRIMARY KEY CHECK (id = 1),
    revision BIGINT NOT NULL
);
INSERT INTO calendar.revision VALUES (1, 0);
