-- A last will inside a run of signs of life ends at the run's next event, which only the raw events know. The
-- server looks it up once (SiteRuns), when the will arrives and whenever the runs around it change, and keeps it
-- here, instead of at every outage query: with wills stamped at their arrival, every reconnect of a collector that
-- queued events while cut off puts its will inside a run.
ALTER TABLE site_will ADD COLUMN next_ts timestamptz;
ALTER TABLE site_will ADD COLUMN checked boolean NOT NULL DEFAULT false;
CREATE INDEX site_will_unchecked_idx ON site_will (province, commune) WHERE NOT checked;
