-- Alert rules read recent VNeID, probe, sync and heartbeat events by ts across all provinces (success rates,
-- dead-letter rates); their btrees lead with the province. BRIN indexes on ts, nearly free for the writer (events
-- are appended roughly in ts order), let those reads skip the old part of each table.
CREATE INDEX vneid_event_ts_brin ON vneid_event USING brin (ts);
CREATE INDEX probe_event_ts_brin ON probe_event USING brin (ts);
CREATE INDEX sync_event_ts_brin ON sync_event USING brin (ts);
CREATE INDEX heartbeat_event_ts_brin ON heartbeat_event USING brin (ts);
