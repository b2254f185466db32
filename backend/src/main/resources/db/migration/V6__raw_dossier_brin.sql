-- Raw dossier events are appended roughly in ts order and read by ts only to expire them: a BRIN index costs the
-- writer next to nothing where a btree cost an index insertion per event.
DROP INDEX dossier_event_ts_idx;
CREATE INDEX dossier_event_ts_brin ON dossier_event USING brin (ts);
