-- The same histogram per calendar month, kept beside the daily one by the writer: a month of a province is a few
-- thousand rows instead of thirty times as many.
CREATE TABLE vneid_latency_month (
    province    text NOT NULL,
    month       date NOT NULL,
    latency_ms  bigint NOT NULL,
    ok          bigint NOT NULL,
    PRIMARY KEY (province, month, latency_ms)
);
CREATE INDEX vneid_latency_month_month_idx ON vneid_latency_month (month);

INSERT INTO vneid_latency_month
SELECT province, date_trunc('month', day)::date, latency_ms, sum(ok) FROM vneid_latency_day GROUP BY 1, 2, 3;

ANALYZE vneid_day;
ANALYZE vneid_latency_day;
ANALYZE vneid_latency_month;
