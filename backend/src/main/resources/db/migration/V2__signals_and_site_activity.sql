-- Raw events of the four signal kinds of SPEC §4, as received. No unique keys: idempotency is ingested_event's
-- job, so that these can become TimescaleDB hypertables.
CREATE TABLE vneid_event (
    event_id    text NOT NULL,
    ts          timestamptz NOT NULL,
    province    text NOT NULL,
    commune     text NOT NULL,
    result      text NOT NULL,
    latency_ms  bigint NOT NULL,
    error_code  text
);
CREATE INDEX vneid_event_province_ts_idx ON vneid_event (province, ts);

CREATE TABLE probe_event (
    event_id     text NOT NULL,
    ts           timestamptz NOT NULL,
    province     text NOT NULL,
    commune      text NOT NULL,
    target       text NOT NULL,
    target_type  text NOT NULL,
    method       text NOT NULL,
    up           boolean NOT NULL,
    latency_ms   bigint,
    signal_dbm   bigint
);
CREATE INDEX probe_event_site_ts_idx ON probe_event (province, commune, target, ts);

CREATE TABLE sync_event (
    event_id     text NOT NULL,
    ts           timestamptz NOT NULL,
    province     text NOT NULL,
    commune      text NOT NULL,
    system       text NOT NULL,
    pending      bigint NOT NULL,
    failed       bigint NOT NULL,
    lag_seconds  bigint NOT NULL
);
CREATE INDEX sync_event_system_ts_idx ON sync_event (province, system, ts);

CREATE TABLE heartbeat_event (
    event_id   text NOT NULL,
    ts         timestamptz NOT NULL,
    province   text NOT NULL,
    commune    text NOT NULL,
    collector  text NOT NULL,
    version    text NOT NULL,
    status     text NOT NULL
);
CREATE INDEX heartbeat_event_site_ts_idx ON heartbeat_event (province, commune, ts);

-- The newest telemetry of each site (province + commune, '-' for province level), for collector silence,
-- reporting completeness and freshness.
CREATE TABLE site_activity (
    province          text NOT NULL,
    commune           text NOT NULL,
    last_event_ts     timestamptz NOT NULL,
    last_received_at  timestamptz NOT NULL,
    PRIMARY KEY (province, commune)
);

