-- The latest state of each portal synchronisation (SPEC §5: latest lagSeconds, pending, failed per system),
-- kept by the writer so that no query scans sync_event for it.
CREATE TABLE sync_status (
    province     text NOT NULL,
    commune      text NOT NULL,
    system       text NOT NULL,
    ts           timestamptz NOT NULL,
    pending      bigint NOT NULL,
    failed       bigint NOT NULL,
    lag_seconds  bigint NOT NULL,
    PRIMARY KEY (province, commune, system)
);
INSERT INTO sync_status
SELECT DISTINCT ON (province, commune, system) province, commune, system, ts, pending, failed, lag_seconds
FROM sync_event
ORDER BY province, commune, system, ts DESC;

-- Valid and rejected events per ICT day of receipt and province, for data validity (rejected ÷ all). Rejects
-- whose topic names no known province are counted under '-'.
CREATE TABLE ingest_tally (
    day       date NOT NULL,
    province  text NOT NULL,
    accepted  bigint NOT NULL,
    rejected  bigint NOT NULL,
    PRIMARY KEY (day, province)
);

-- Targets set by administrators, over the defaults of the configuration. A null province is national, a null
-- bound is open. The most specific target valid on a date wins (province over national, later start first).
CREATE TABLE kpi_target (
    id          bigserial PRIMARY KEY,
    kpi         text NOT NULL,
    province    text REFERENCES province (code),
    valid_from  date,
    valid_to    date,
    value       double precision NOT NULL,
    due_date    date,
    updated_by  text NOT NULL,
    updated_at  timestamptz NOT NULL,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from < valid_to)
);
CREATE INDEX kpi_target_kpi_idx ON kpi_target (kpi, province);
