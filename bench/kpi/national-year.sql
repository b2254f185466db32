-- A national year of dossiers for the KPI benchmark, written straight into the merged dossier table (the bulk
-- path: what ingestion would leave there after merging each dossier's events). Every commune of the registry
-- receives 15–20 dossiers a day (17.5 on average: 21 million a year for 3,321 communes).
-- Each province has its own online profile (full-process online rates from about 15 % to 60 %); about 7.5 %
-- finish late, 0.1 % are never completed, and dossiers due after the load's "now" may still be open.
-- psql variables: start (first day, ICT), days, now (the moment the data ends).
SELECT setseed(0.2026) \g /dev/null

INSERT INTO dossier (province, dossier_id, commune, procedure_code, received_ts, channel, full_process, due_at,
                     digitized, payment, completed_ts, e_result, e_signed)
SELECT province, dossier_id, commune, procedure_code, received_ts, channel, full_process, due_at, digitized,
       payment,
       CASE WHEN completed_ts < :'now'::timestamptz THEN completed_ts END,
       CASE WHEN completed_ts < :'now'::timestamptz THEN e_result END,
       CASE WHEN completed_ts < :'now'::timestamptz THEN e_signed END
FROM (
    SELECT c.province_code AS province,
           c.code || '-' || d || '-' || n AS dossier_id,
           c.code AS commune,
           '1.00' || (4000 + floor(random() * 80)::int) AS procedure_code,
           r.received_ts,
           CASE WHEN r.online THEN 'online' ELSE 'offline' END AS channel,
           r.online AND random() < 0.85 AS full_process,
           r.received_ts + r.allowed AS due_at,
           random() < 0.7 AS digitized,
           CASE WHEN r.fee_draw < 0.3 THEN 'none'
                WHEN r.online AND random() < 0.8 THEN 'online'
                ELSE 'offline' END AS payment,
           CASE WHEN r.fate < 0.001 THEN NULL
                WHEN r.fate < 0.076 THEN r.received_ts + r.allowed + (1 + random() * 5) * interval '1 day'
                ELSE r.received_ts + random() * r.allowed END AS completed_ts,
           random() < (CASE WHEN r.online THEN 0.92 ELSE 0.35 END) AS e_result,
           random() < 0.8 AS e_signed
    -- day by day, as ingestion would write them: a province-day's dossiers lie together on disk
    FROM generate_series(0, :days - 1) AS d
    CROSS JOIN LATERAL (SELECT * FROM commune WHERE d >= 0) AS c
    CROSS JOIN LATERAL generate_series(1, 15 + floor(random() * 6)::int) AS n
    CROSS JOIN LATERAL (
        SELECT (:'start'::date + d)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
                   + interval '7 hours 30 minutes' + random() * interval '9 hours' AS received_ts,
               -- the province's online share: 25 % to 70 % by its code, 2 points more each month
               random() < 0.25 + (hashtext(c.province_code) & 1023) / 2300.0 + d / 30 * 0.02 AS online,
               (3 + floor(random() * 12)) * interval '1 day' AS allowed,
               random() AS fee_draw,
               random() AS fate
        OFFSET 0
    ) AS r
) AS g;

-- Every province-day is recomputed by the server's rollup refresher, and the end of every past day from the first
-- dossier on (the server marks them when the progress of its end-of-day snapshots is reset).
UPDATE open_snapshot_progress SET through = NULL;
INSERT INTO rollup_dirty (province, day)
SELECT DISTINCT province, (received_ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM dossier
UNION
SELECT DISTINCT province, (completed_ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM dossier WHERE completed_ts IS NOT NULL;
ANALYZE;
