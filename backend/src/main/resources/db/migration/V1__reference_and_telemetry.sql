-- Reference data: provinces and their commune-level units.
CREATE TABLE province (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    name_ascii  text NOT NULL,
    communes    integer NOT NULL
);

CREATE TABLE commune (
    code           text PRIMARY KEY,
    name           text NOT NULL,
    province_code  text NOT NULL REFERENCES province (code),
    type           text NOT NULL
);
CREATE INDEX commune_province_idx ON commune (province_code);

-- Idempotency: every event id ever stored, whatever its kind. Kept apart from the raw event tables so that
-- those can become TimescaleDB hypertables (whose unique keys must include the time column).
CREATE TABLE ingested_event (
    event_id     text PRIMARY KEY,
    kind         text NOT NULL,
    ingested_at  timestamptz NOT NULL DEFAULT now()
);

-- Raw dossier life-cycle events, as received.
CREATE TABLE dossier_event (
    event_id        text NOT NULL,
    ts              timestamptz NOT NULL,
    province        text NOT NULL,
    commune         text NOT NULL,
    dossier_id      text NOT NULL,
    procedure_code  text NOT NULL,
    event           text NOT NULL,
    channel         text,
    full_process    boolean,
    due_at          timestamptz,
    digitized       boolean,
    payment         text,
    e_result        boolean,
    e_signed        boolean
);
CREATE INDEX dossier_event_ts_idx ON dossier_event (ts);

-- One row per dossier (province + dossierId), merged from its events whatever order they arrive in:
-- the earliest received (by ts) wins, likewise the earliest completed and cancelled.
CREATE TABLE dossier (
    province        text NOT NULL,
    dossier_id      text NOT NULL,
    commune         text NOT NULL,
    procedure_code  text NOT NULL,
    received_ts     timestamptz,
    channel         text,
    full_process    boolean,
    due_at          timestamptz,
    digitized       boolean,
    payment         text,
    completed_ts    timestamptz,
    e_result        boolean,
    e_signed        boolean,
    cancelled_ts    timestamptz,
    PRIMARY KEY (province, dossier_id)
);
CREATE INDEX dossier_received_idx ON dossier (received_ts);
CREATE INDEX dossier_completed_idx ON dossier (completed_ts);

-- Messages and batch elements rejected by validation, for operators to inspect.
CREATE TABLE dead_letter (
    id           bigserial PRIMARY KEY,
    received_at  timestamptz NOT NULL,
    topic        text NOT NULL,
    reason       text NOT NULL,
    payload      text NOT NULL
);
CREATE INDEX dead_letter_received_idx ON dead_letter (received_at DESC);

-- Users of the dashboard and the API.
CREATE TABLE app_user (
    username       text PRIMARY KEY,
    password_hash  text NOT NULL,
    role           text NOT NULL,
    province       text REFERENCES province (code)
);
