-- Overdue-open and nearly-overdue dossiers at the end of each past day (the moment the next day starts, ICT), per
-- commune and per procedure, so that a trend over many periods reads one row per period instead of searching the
-- dossiers at every period's end. The current, unfinished day is always counted live. A merge that changes which
-- dossiers were open at a past day's end (a late completion, a late received) marks that province-day in
-- open_dirty; the server recomputes it, and computes each day once it has ended.
CREATE TABLE dossier_open_commune (
    province        text NOT NULL,
    day             date NOT NULL,
    commune         text NOT NULL,
    overdue_open    bigint NOT NULL,
    nearly_overdue  bigint NOT NULL,
    PRIMARY KEY (province, day, commune)
);
CREATE INDEX dossier_open_commune_day_idx ON dossier_open_commune (day);

CREATE TABLE dossier_open_procedure (LIKE dossier_open_commune);
ALTER TABLE dossier_open_procedure RENAME COLUMN commune TO procedure_code;
ALTER TABLE dossier_open_procedure ADD PRIMARY KEY (province, day, procedure_code);
CREATE INDEX dossier_open_procedure_day_idx ON dossier_open_procedure (day);

CREATE TABLE dossier_open_province (LIKE dossier_open_commune);
ALTER TABLE dossier_open_province DROP COLUMN commune;
ALTER TABLE dossier_open_province ADD PRIMARY KEY (day, province);

CREATE TABLE open_dirty (
    province  text NOT NULL,
    day       date NOT NULL,
    PRIMARY KEY (province, day)
);

-- The last day whose end has been computed for every province (null: none yet, start from the first dossier).
CREATE TABLE open_snapshot_progress (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    through   date
);
INSERT INTO open_snapshot_progress (through) VALUES (NULL);

-- What a merge replaced, to know which past days' ends it changed.
ALTER TABLE dossier ADD COLUMN replaced_due_at timestamptz;
ALTER TABLE dossier ADD COLUMN replaced_cancelled_ts timestamptz;
