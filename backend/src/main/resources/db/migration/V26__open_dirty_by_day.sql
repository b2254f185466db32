-- The day-ends to recompute are claimed a day at a time (DossierRollups): in that order, from an index, instead of
-- sorting every mark at each claim during a backlog.
CREATE INDEX open_dirty_day_idx ON open_dirty (day, province);
