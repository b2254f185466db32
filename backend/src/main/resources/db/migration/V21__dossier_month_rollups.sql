-- Monthly rollups of the daily dossier rollups, per commune, per procedure and per province, so that a view over
-- many months (a province's communes over a year, a national trend) reads one row per key and month instead of one
-- per day. A month row is the sum of its days' rows and is recomputed, in the same transaction, whenever one of
-- its province-days is: it is exactly as current as the daily rollups.
CREATE TABLE dossier_month_commune (LIKE dossier_day_commune);
ALTER TABLE dossier_month_commune RENAME COLUMN day TO month;
ALTER TABLE dossier_month_commune ADD PRIMARY KEY (province, month, commune);
CREATE INDEX dossier_month_commune_month_idx ON dossier_month_commune (month);

CREATE TABLE dossier_month_procedure (LIKE dossier_day_procedure);
ALTER TABLE dossier_month_procedure RENAME COLUMN day TO month;
ALTER TABLE dossier_month_procedure ADD PRIMARY KEY (province, month, procedure_code);
CREATE INDEX dossier_month_procedure_month_idx ON dossier_month_procedure (month);

CREATE TABLE dossier_month_province (LIKE dossier_day_province);
ALTER TABLE dossier_month_province RENAME COLUMN day TO month;
ALTER TABLE dossier_month_province ADD PRIMARY KEY (month, province);

INSERT INTO dossier_month_commune
SELECT province, date_trunc('month', day)::date, commune, sum(received), sum(received_online), sum(digitized),
       sum(payment_due), sum(paid_online), sum(completed), sum(fully_online), sum(on_time), sum(overdue_completed),
       sum(e_result), sum(e_signed)
FROM dossier_day_commune GROUP BY 1, 2, 3;

INSERT INTO dossier_month_procedure
SELECT province, date_trunc('month', day)::date, procedure_code, sum(received), sum(received_online),
       sum(digitized), sum(payment_due), sum(paid_online), sum(completed), sum(fully_online), sum(on_time),
       sum(overdue_completed), sum(e_result), sum(e_signed)
FROM dossier_day_procedure GROUP BY 1, 2, 3;

INSERT INTO dossier_month_province
SELECT province, date_trunc('month', day)::date, sum(received), sum(received_online), sum(digitized),
       sum(payment_due), sum(paid_online), sum(completed), sum(fully_online), sum(on_time), sum(overdue_completed),
       sum(e_result), sum(e_signed)
FROM dossier_day_province GROUP BY 1, 2;
