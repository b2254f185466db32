-- The signals of the national year's last weeks, for the KPI benchmark, written straight into the tables (the
-- bulk path): what ingestion and the server's refreshers would leave there. Run once on a database.
--   VNeID: the national rate of about 425,000 logins a day (SPEC §5), spread over the communes (128 each a day),
--     06:00–22:00 ICT, for the last :vneid_days days; 98.6 % ok, 1 % fail, 0.4 % timeout.
--   Probes: every commune probes the portal (http) and the internet (icmp) every 5 minutes for the last
--     :probe_days days; 0.3 % of results fail alone, and 3 % of commune-days lose the internet for 15–90 minutes.
--     The server computes the outages (each target is marked for recomputing) and probe_day is counted here.
--   Collectors: every commune's collector is watched from the first probe day on, with a 10–60 minute silence on
--     5 % of commune-days and a last will at the start of a tenth of those; its signs of life are written as the
--     runs the server would have joined (site_run), not as raw heartbeats, which no query reads.
-- psql variables: now (the moment the data ends), vneid_days, probe_days.
SELECT setseed(0.2027) \g /dev/null

INSERT INTO vneid_event (event_id, ts, province, commune, result, latency_ms, error_code)
SELECT 'v-' || c.code || '-' || d || '-' || n, ts, c.province_code, c.code, result,
       CASE result WHEN 'ok' THEN (350 + -ln(1 - random()) * 650)::bigint
                   WHEN 'timeout' THEN 30000
                   ELSE (200 + random() * 1800)::bigint END,
       CASE result WHEN 'fail' THEN (ARRAY['AUTH_401', 'OTP_EXPIRED', 'UPSTREAM_502'])[1 + floor(random() * 3)::int] END
FROM generate_series(1, :vneid_days) AS d
CROSS JOIN LATERAL (SELECT * FROM commune WHERE d > 0) AS c
CROSS JOIN LATERAL generate_series(1, 128) AS n
CROSS JOIN LATERAL (
    SELECT date_trunc('day', :'now'::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh' - d * interval '1 day')
               AT TIME ZONE 'Asia/Ho_Chi_Minh' + interval '6 hours' + random() * interval '16 hours' AS ts,
           CASE WHEN r < 0.986 THEN 'ok' WHEN r < 0.996 THEN 'fail' ELSE 'timeout' END AS result
    FROM (SELECT random() AS r OFFSET 0) AS draw
) AS v;

-- the writer's daily counts and daily and monthly latency histograms
INSERT INTO vneid_day (province, day, commune, attempts, ok)
SELECT province, (ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, commune, count(*), count(*) FILTER (WHERE result = 'ok')
FROM vneid_event GROUP BY 1, 2, 3
ON CONFLICT (province, day, commune) DO UPDATE SET
    attempts = vneid_day.attempts + EXCLUDED.attempts, ok = vneid_day.ok + EXCLUDED.ok;
INSERT INTO vneid_latency_day (province, day, latency_ms, ok)
SELECT province, (ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, latency_ms, count(*)
FROM vneid_event WHERE result = 'ok' GROUP BY 1, 2, 3
ON CONFLICT (province, day, latency_ms) DO UPDATE SET ok = vneid_latency_day.ok + EXCLUDED.ok;
INSERT INTO vneid_latency_month (province, month, latency_ms, ok)
SELECT province, date_trunc('month', ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, latency_ms, count(*)
FROM vneid_event WHERE result = 'ok' GROUP BY 1, 2, 3
ON CONFLICT (province, month, latency_ms) DO UPDATE SET ok = vneid_latency_month.ok + EXCLUDED.ok;

CREATE TEMP TABLE probe_down AS
SELECT c.province_code AS province, c.code AS commune, d,
       :'now'::timestamptz - d * interval '1 day' + random() * interval '20 hours' AS down_from,
       (15 + random() * 75) * interval '1 minute' AS down_for
FROM generate_series(1, :probe_days) AS d CROSS JOIN commune AS c
WHERE random() < 0.03;
CREATE INDEX ON probe_down (commune);
ANALYZE probe_down;

INSERT INTO probe_event (event_id, ts, province, commune, target, target_type, method, up, latency_ms)
SELECT 'p-' || c.code || '-' || t.target || '-' || s, ts, c.province_code, c.code, t.target, t.target_type,
       t.method, up, CASE WHEN up THEN (20 + random() * 200)::bigint END
FROM commune AS c
CROSS JOIN (VALUES ('dichvucong.gov.vn', 'portal', 'http'), ('internet', 'internet', 'icmp'))
    AS t(target, target_type, method)
CROSS JOIN LATERAL generate_series(0, :probe_days * 288 - 1) AS s
CROSS JOIN LATERAL (
    SELECT :'now'::timestamptz - :probe_days * interval '1 day' + s * interval '5 minutes'
               + (hashtext(c.code) & 255) * interval '1 second' AS ts
) AS at
CROSS JOIN LATERAL (
    SELECT random() >= 0.003 AND NOT EXISTS (
        SELECT 1 FROM probe_down p
        WHERE p.commune = c.code AND at.ts >= p.down_from AND at.ts < p.down_from + p.down_for) AS up
) AS result;

INSERT INTO probe_day (province, day, commune, target, up, total)
SELECT province, (ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, commune, target, count(*) FILTER (WHERE up), count(*)
FROM probe_event GROUP BY 1, 2, 3, 4
ON CONFLICT (province, day, commune, target) DO UPDATE SET
    up = probe_day.up + EXCLUDED.up, total = probe_day.total + EXCLUDED.total;

INSERT INTO probe_outage_dirty (province, commune, target, since)
SELECT province, commune, target, min(ts) FROM probe_event GROUP BY 1, 2, 3;

-- Collectors: silences, each commune's runs between them, wills, and the first heartbeat.
CREATE TEMP TABLE silence AS
SELECT c.province_code AS province, c.code AS commune, s_from, s_from + (10 + random() * 50) * interval '1 minute' AS s_to,
       random() < 0.1 AS by_will
FROM generate_series(1, :probe_days) AS d CROSS JOIN commune AS c
CROSS JOIN LATERAL (SELECT :'now'::timestamptz - d * interval '1 day' + random() * interval '20 hours' AS s_from
                    OFFSET 0) AS s
WHERE random() < 0.05;

INSERT INTO site_activity (province, commune, last_event_ts, last_received_at, first_heartbeat_ts)
SELECT province_code, code, :'now'::timestamptz, :'now'::timestamptz,
       :'now'::timestamptz - :probe_days * interval '1 day'
FROM commune
ON CONFLICT (province, commune) DO UPDATE SET first_heartbeat_ts = EXCLUDED.first_heartbeat_ts,
    last_event_ts = GREATEST(site_activity.last_event_ts, EXCLUDED.last_event_ts);

INSERT INTO site_run (province, commune, start_ts, end_ts)
SELECT province, commune, run_start, run_end
FROM (
    SELECT province, commune, s_to AS run_start,
           COALESCE(lead(s_from) OVER w, :'now'::timestamptz) AS run_end
    FROM (SELECT province, commune, s_from, s_to FROM silence
          UNION ALL
          SELECT province_code, code, NULL, :'now'::timestamptz - :probe_days * interval '1 day' FROM commune) AS edges
    WINDOW w AS (PARTITION BY province, commune ORDER BY s_to)
) AS runs
WHERE run_end > run_start;

INSERT INTO site_will (province, commune, ts)
SELECT province, commune, s_from FROM silence WHERE by_will
ON CONFLICT DO NOTHING;

ANALYZE;
