-- The signs of life of each site's collector for the silence rule (SPEC §5), kept as runs instead of read from
-- every raw table: a run is a stretch of events (any kind but a last will) with no gap of 5 minutes or more, so
-- only its start and end can begin or end a silence. Each stored batch appends its own runs per site
-- (site_run_dirty); the server joins them into site_run. Last wills are kept one by one (site_will), and the
-- first heartbeat of each site, from which on its collector is watched, beside its activity.
ALTER TABLE site_activity ADD COLUMN first_heartbeat_ts timestamptz;

CREATE TABLE site_run (
    province  text NOT NULL,
    commune   text NOT NULL,
    start_ts  timestamptz NOT NULL,
    end_ts    timestamptz NOT NULL,
    PRIMARY KEY (province, commune, start_ts)
);

CREATE TABLE site_run_dirty (
    id        bigserial PRIMARY KEY,
    province  text NOT NULL,
    commune   text NOT NULL,
    start_ts  timestamptz NOT NULL,
    end_ts    timestamptz NOT NULL
);

CREATE TABLE site_will (
    province  text NOT NULL,
    commune   text NOT NULL,
    ts        timestamptz NOT NULL,
    PRIMARY KEY (province, commune, ts)
);

-- What was stored before this migration.
UPDATE site_activity a SET first_heartbeat_ts = h.first
FROM (SELECT province, commune, min(ts) AS first FROM heartbeat_event GROUP BY 1, 2) h
WHERE a.province = h.province AND a.commune = h.commune;

INSERT INTO site_will SELECT DISTINCT province, commune, ts FROM heartbeat_event WHERE status = 'offline';

INSERT INTO site_run
SELECT province, commune, min(ts), max(ts)
FROM (
    SELECT province, commune, ts, count(*) FILTER (WHERE starts_run) OVER (PARTITION BY province, commune ORDER BY ts)
               AS run
    FROM (
        SELECT province, commune, ts,
               (ts - lag(ts) OVER (PARTITION BY province, commune ORDER BY ts) >= interval '5 minutes')
                   IS NOT FALSE AS starts_run
        FROM (
            SELECT province, commune, ts FROM heartbeat_event WHERE status <> 'offline'
            UNION ALL SELECT province, commune, ts FROM probe_event
            UNION ALL SELECT province, commune, ts FROM vneid_event
            UNION ALL SELECT province, commune, ts FROM sync_event
            UNION ALL SELECT province, commune, ts FROM dossier_event
        ) AS signs
    ) AS gaps
) AS runs
GROUP BY province, commune, run;
