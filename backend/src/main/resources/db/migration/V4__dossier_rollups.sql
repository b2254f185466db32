-- Daily rollups of the dossier table, so that no KPI query scans dossiers over long periods. A dossier counts on
-- the ICT day of its received (received-side counts) and of its completed (completed-side counts). They are
-- recomputed per province and day from the dossier table whenever a merge touches that day (rollup_dirty), so
-- they stay exact when late or out-of-order events arrive. Three grains: per commune (province, commune and
-- calendar groupings), per procedure, and per province (national trends over long periods).
CREATE TABLE dossier_day_commune (
    province           text NOT NULL,
    day                date NOT NULL,
    commune            text NOT NULL,
    received           bigint NOT NULL,
    received_online    bigint NOT NULL,
    digitized          bigint NOT NULL,
    payment_due        bigint NOT NULL,
    paid_online        bigint NOT NULL,
    completed          bigint NOT NULL,
    fully_online       bigint NOT NULL,
    on_time            bigint NOT NULL,
    overdue_completed  bigint NOT NULL,
    e_result           bigint NOT NULL,
    e_signed           bigint NOT NULL,
    PRIMARY KEY (province, day, commune)
);
CREATE INDEX dossier_day_commune_day_idx ON dossier_day_commune (day);

CREATE TABLE dossier_day_procedure (LIKE dossier_day_commune);
ALTER TABLE dossier_day_procedure RENAME COLUMN commune TO procedure_code;
ALTER TABLE dossier_day_procedure ADD PRIMARY KEY (province, day, procedure_code);
CREATE INDEX dossier_day_procedure_day_idx ON dossier_day_procedure (day);

CREATE TABLE dossier_day_province (LIKE dossier_day_commune);
ALTER TABLE dossier_day_province DROP COLUMN commune;
ALTER TABLE dossier_day_province ADD PRIMARY KEY (day, province);

-- The province-days whose rollups are out of date.
CREATE TABLE rollup_dirty (
    province  text NOT NULL,
    day       date NOT NULL,
    PRIMARY KEY (province, day)
);

-- What a merge replaced, so that the day a dossier left is recomputed too (an earlier received moves it).
ALTER TABLE dossier ADD COLUMN replaced_received_ts timestamptz;
ALTER TABLE dossier ADD COLUMN replaced_completed_ts timestamptz;

-- Recomputing a province-day reads its dossiers by province and time.
DROP INDEX dossier_received_idx;
DROP INDEX dossier_completed_idx;
CREATE INDEX dossier_province_received_idx ON dossier (province, received_ts);
CREATE INDEX dossier_province_completed_idx ON dossier (province, completed_ts);

-- Overdue open at a moment m: due before m, and not completed or cancelled before m, i.e. m in (due_at, closed].
-- Only dossiers that were ever overdue or are still open are indexed, so a search for any moment, this one or a
-- year ago, touches only the dossiers overdue then.
CREATE INDEX dossier_overdue_span_idx ON dossier
    USING gist (tstzrange(due_at, LEAST(completed_ts, cancelled_ts), '(]'))
    WHERE due_at < COALESCE(LEAST(completed_ts, cancelled_ts), 'infinity');
-- Nearly overdue at m: open, due within [m, m + 24 h).
CREATE INDEX dossier_due_idx ON dossier (due_at);

INSERT INTO rollup_dirty
SELECT DISTINCT province, (received_ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM dossier WHERE received_ts IS NOT NULL
UNION
SELECT DISTINCT province, (completed_ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM dossier WHERE completed_ts IS NOT NULL;
