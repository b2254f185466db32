-- Probe outages (SPEC §5: 3 or more consecutive up=false results of a target, until its next up=true), kept as rows
-- so that no outage query reads raw probes. Each stored probe batch appends, per target, the earliest ts it
-- brought (probe_outage_dirty); the server recomputes that target's outages from its last up=true before that
-- moment on, which gives the same outages whatever order and however late results arrive.
CREATE TABLE probe_outage (
    province  text NOT NULL,
    commune   text NOT NULL,
    target    text NOT NULL,
    start_ts  timestamptz NOT NULL,
    end_ts    timestamptz,
    PRIMARY KEY (province, commune, target, start_ts)
);
CREATE INDEX probe_outage_start_idx ON probe_outage (start_ts);
CREATE INDEX probe_outage_open_idx ON probe_outage (province) WHERE end_ts IS NULL;

CREATE TABLE probe_outage_dirty (
    id        bigserial PRIMARY KEY,
    province  text NOT NULL,
    commune   text NOT NULL,
    target    text NOT NULL,
    since     timestamptz NOT NULL
);

-- Probes stored before this migration: every target once, from its first result.
INSERT INTO probe_outage_dirty (province, commune, target, since)
SELECT province, commune, target, min(ts) FROM probe_event GROUP BY 1, 2, 3;
