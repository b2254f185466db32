-- Probe results per ICT day of their ts, site and target, counted by the writer as it stores them (each event
-- once: ids are claimed first), so that availability never scans probe_event.
CREATE TABLE probe_day (
    province  text NOT NULL,
    day       date NOT NULL,
    commune   text NOT NULL,
    target    text NOT NULL,
    up        bigint NOT NULL,
    total     bigint NOT NULL,
    PRIMARY KEY (province, day, commune, target)
);
CREATE INDEX probe_day_day_idx ON probe_day (day);

INSERT INTO probe_day
SELECT province, (ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, commune, target, count(*) FILTER (WHERE up), count(*)
FROM probe_event
GROUP BY 1, 2, 3, 4;
