-- What a collector's heartbeat says of its disk queue (SPEC §4 heartbeat, optional fields): the events waiting for
-- the broker and the events discarded at the queue's cap, cumulative over the collector's runs; empty for
-- heartbeats that do not carry them (older collectors, last wills).
ALTER TABLE heartbeat_event ADD COLUMN queue_depth bigint;
ALTER TABLE heartbeat_event ADD COLUMN dropped bigint;

-- A collector drops events only while it cannot reach the broker, so the heartbeats that tell of it arrive after
-- the link returns, with the timestamps of the outage, possibly hours old once a full queue has drained. The
-- collector-dropped-events signal therefore looks at heartbeats by when they arrived. Rows stored before this
-- migration get its time, but carry no drop count and are never read for it. BRIN: rows are appended in this order.
ALTER TABLE heartbeat_event ADD COLUMN received_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX heartbeat_event_received_brin ON heartbeat_event USING brin (received_at);
