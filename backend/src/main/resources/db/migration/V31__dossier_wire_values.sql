-- Ingestion counts a dossier's channel and payment into the rollups by their wire values (SPEC §4), and the
-- recomputation of marked days counts them in SQL: a value that is neither would be counted differently by the
-- two. Ingestion writes only wire values; whatever writes the table directly (a bulk load) now gets an error that
-- names the constraint instead. NOT VALID: the rows already there are not read again.
ALTER TABLE dossier ADD CONSTRAINT dossier_channel_wire CHECK (channel IN ('online', 'offline')) NOT VALID;
ALTER TABLE dossier ADD CONSTRAINT dossier_payment_wire CHECK (payment IN ('online', 'offline', 'none')) NOT VALID;
