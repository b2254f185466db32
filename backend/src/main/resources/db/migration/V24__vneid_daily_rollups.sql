-- VNeID logins per ICT day, counted by the writer as it stores them (each event once: ids are claimed first), so
-- that a national month (about 13 million logins) is never read raw: attempts and ok per commune, and the latency
-- of ok attempts per province as a histogram (how many took each whole millisecond). SPEC §5's percentiles are
-- exact from the histogram: percentile_cont interpolates between the values at two ranks, and the histogram
-- knows the value at every rank.
CREATE TABLE vneid_day (
    province  text NOT NULL,
    day       date NOT NULL,
    commune   text NOT NULL,
    attempts  bigint NOT NULL,
    ok        bigint NOT NULL,
    PRIMARY KEY (province, day, commune)
);
CREATE INDEX vneid_day_day_idx ON vneid_day (day);

CREATE TABLE vneid_latency_day (
    province    text NOT NULL,
    day         date NOT NULL,
    latency_ms  bigint NOT NULL,
    ok          bigint NOT NULL,
    PRIMARY KEY (province, day, latency_ms)
);
CREATE INDEX vneid_latency_day_day_idx ON vneid_latency_day (day);

INSERT INTO vneid_day
SELECT province, (ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, commune, count(*), count(*) FILTER (WHERE result = 'ok')
FROM vneid_event GROUP BY 1, 2, 3;

INSERT INTO vneid_latency_day
SELECT province, (ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, latency_ms, count(*)
FROM vneid_event WHERE result = 'ok' GROUP BY 1, 2, 3;
