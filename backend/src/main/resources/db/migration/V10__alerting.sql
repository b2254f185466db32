-- Alerts (SPEC §6): one row per alert, i.e. per rule and group (a province, or '' for a national alert) from the
-- moment its condition began to hold; a resolved alert stays as history and the next trouble opens a new row.
CREATE TABLE alert (
    id               bigserial PRIMARY KEY,
    rule             text NOT NULL,
    group_key        text NOT NULL,
    province         text,
    severity         text NOT NULL,
    state            text NOT NULL CHECK (state IN ('pending', 'firing', 'resolved')),
    labels           jsonb NOT NULL,
    members          jsonb NOT NULL DEFAULT '[]',  -- communes / sites in trouble: [{"key":…,"value":…}]
    value            double precision,
    summary_vi       text NOT NULL,
    summary_en       text NOT NULL,
    evidence         text,
    starts_at        timestamptz NOT NULL,          -- when the condition began to hold
    fired_at         timestamptz,
    last_active_at   timestamptz NOT NULL,
    ends_at          timestamptz,
    acknowledged_by  text,
    acknowledged_at  timestamptz,
    assignee         text,
    resolved_by      text                           -- set when an operator resolved it by hand
);
-- At most one open alert per rule and group: the evaluator's invariant, enforced.
CREATE UNIQUE INDEX alert_open_idx ON alert (rule, group_key) WHERE state <> 'resolved';
CREATE INDEX alert_state_idx ON alert (state, starts_at DESC);

-- What happened to an alert, for its history: transitions and the operators' actions.
CREATE TABLE alert_event (
    id        bigserial PRIMARY KEY,
    alert_id  bigint NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    at        timestamptz NOT NULL,
    kind      text NOT NULL,   -- pending, firing, resolved, acknowledged, assigned, commented, resolved-by-hand
    actor     text,
    text      text
);
CREATE INDEX alert_event_alert_idx ON alert_event (alert_id, at);

-- Silences: alerts whose labels match every matcher are not notified between starts_at and ends_at.
CREATE TABLE alert_silence (
    id          bigserial PRIMARY KEY,
    matchers    jsonb NOT NULL,   -- {"province":"01","rule":"collector-silent"}: label → exact value
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL CHECK (ends_at > starts_at),
    created_by  text NOT NULL,
    comment     text NOT NULL,
    created_at  timestamptz NOT NULL
);

-- The notification outbox: written in the evaluator's transaction with the transition it announces, so that a
-- transition is announced once per channel whichever instance delivers it (unique key), and delivered with retry.
CREATE TABLE alert_notification (
    id               bigserial PRIMARY KEY,
    alert_id         bigint NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    transition       text NOT NULL CHECK (transition IN ('firing', 'resolved')),
    channel          text NOT NULL,
    status           text NOT NULL CHECK (status IN ('pending', 'sent', 'silenced', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    sent_at          timestamptz,
    UNIQUE (alert_id, transition, channel)
);
CREATE INDEX alert_notification_due_idx ON alert_notification (next_attempt_at) WHERE status = 'pending';
