-- The writers keep the daily and monthly dossier rollups themselves: each merge adds what the dossier's new
-- version counts and takes away what its old version counted. The old version comes back from the merge's
-- RETURNING through these columns (PostgreSQL 15 cannot return a row's old values), set from the locked row
-- whenever it changes, so the difference is exact under concurrent writers. rollup_dirty stays for what writes the
-- dossier table directly (bulk loads, repairs): the refresher recomputes the province-days marked there.
ALTER TABLE dossier ADD COLUMN replaced_commune text;
ALTER TABLE dossier ADD COLUMN replaced_procedure_code text;
ALTER TABLE dossier ADD COLUMN replaced_channel text;
ALTER TABLE dossier ADD COLUMN replaced_full_process boolean;
ALTER TABLE dossier ADD COLUMN replaced_digitized boolean;
ALTER TABLE dossier ADD COLUMN replaced_payment text;
ALTER TABLE dossier ADD COLUMN replaced_e_result boolean;
ALTER TABLE dossier ADD COLUMN replaced_e_signed boolean;
