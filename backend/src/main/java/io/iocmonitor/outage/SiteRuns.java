package io.iocmonitor.outage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joins the runs of signs of life that stored batches marked into {@code site_run}: per site, the stored runs that
 * the new ones touch (less than 5 minutes apart) are replaced by what they make together ({@link SilenceRule#join}).
 */
@Repository
class SiteRuns {

    /** The advisory lock's key, "IOCOUTG2" in ASCII: one at a time, across servers. */
    private static final long LOCK = 0x494F434F55544732L;

    private static final String CLAIM = """
            SELECT id, province, commune, start_ts, end_ts FROM site_run_dirty ORDER BY id LIMIT ?""";

    private static final String TOUCHED = """
            DELETE FROM site_run
            WHERE province = ? AND commune = ? AND start_ts < ? AND end_ts > ?
            RETURNING start_ts, end_ts""";

    private static final String STORE = """
            INSERT INTO site_run (province, commune, start_ts, end_ts)
            SELECT ?, ?, * FROM unnest(?::timestamptz[], ?::timestamptz[])""";

    private final JdbcTemplate jdbc;

    SiteRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins up to {@code limit} marked runs; returns how many it took. */
    @Transactional
    public int refresh(int limit) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
            return 0;
        }
        List<Long> ids = new ArrayList<>();
        Map<List<String>, List<SilenceRule.Run>> bySite = new LinkedHashMap<>();
        jdbc.query(CLAIM, rs -> {
            ids.add(rs.getLong(1));
            bySite.computeIfAbsent(List.of(rs.getString(2), rs.getString(3)), k -> new ArrayList<>())
                    .add(new SilenceRule.Run(instant(rs.getObject(4, OffsetDateTime.class)),
                            instant(rs.getObject(5, OffsetDateTime.class))));
        }, limit);
        bySite.forEach((site, runs) -> join(site.get(0), site.get(1), SilenceRule.join(runs)));
        if (!ids.isEmpty()) {
            jdbc.update("DELETE FROM site_run_dirty WHERE id = ANY (?::bigint[])", (Object) ids.toArray(Long[]::new));
        }
        return ids.size();
    }

    private void join(String province, String commune, List<SilenceRule.Run> fresh) {
        List<SilenceRule.Run> all = new ArrayList<>(fresh);
        for (SilenceRule.Run run : fresh) {
            // stored runs less than 5 minutes from this one: they and it are one run now
            all.addAll(jdbc.query(TOUCHED, (rs, i) -> new SilenceRule.Run(instant(rs.getObject(1, OffsetDateTime.class)),
                            instant(rs.getObject(2, OffsetDateTime.class))), province, commune,
                    utc(run.end().plus(SilenceRule.SILENCE)), utc(run.start().minus(SilenceRule.SILENCE))));
        }
        List<SilenceRule.Run> joined = SilenceRule.join(all);
        jdbc.update(STORE, province, commune, joined.stream().map(r -> r.start().toString()).toArray(String[]::new),
                joined.stream().map(r -> r.end().toString()).toArray(String[]::new));
    }

    private static Instant instant(OffsetDateTime t) {
        return t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
