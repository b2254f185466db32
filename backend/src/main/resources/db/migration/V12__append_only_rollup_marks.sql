-- Marks of province-days to recompute become append-only rows: a writer inserting a mark never waits for the
-- refresher, which deletes exactly the marks it read (with a unique key, a writer's INSERT ... ON CONFLICT waited
-- for the refresher's whole recomputation whenever it had claimed the same province-day).
ALTER TABLE rollup_dirty DROP CONSTRAINT rollup_dirty_pkey;
ALTER TABLE rollup_dirty ADD COLUMN id bigserial PRIMARY KEY;
CREATE INDEX rollup_dirty_key_idx ON rollup_dirty (province, day);

ALTER TABLE open_dirty DROP CONSTRAINT open_dirty_pkey;
ALTER TABLE open_dirty ADD COLUMN id bigserial PRIMARY KEY;
CREATE INDEX open_dirty_key_idx ON open_dirty (province, day);
