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

import io.iocmonitor.base.WorkMarks;

/**
 * Joins the runs of signs of life that stored batches marked into {@code site_run}: per site, the stored runs that
 * the new ones touch (less than 5 minutes apart) are replaced by what they make together ({@link SilenceRule#join}).
 * Then finds, for each last will that arrived or whose runs changed, the next sign of life inside the run around it
 * (none if it is not inside one), from the raw events, while they are still kept.
 */
@Repository
class SiteRuns {

    /** The advisory lock's key, "IOCOUTG2" in ASCII: one at a time, across servers. */
    private static final long LOCK = 0x494F434F55544732L;

    private static final String CLAIM = """
            SELECT id, province, commune, start_ts, end_ts FROM site_run_dirty ORDER BY id LIMIT ?""";

    // The stored runs less than 5 minutes from a new one (x spans the new run and 5 minutes either side): they and
    // it are one run now. One statement for all the sites of a refresh (a stored run is deleted and returned once,
    // however many new runs it touches).
    private static final String TOUCHED = """
            DELETE FROM site_run r
            USING unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[]) AS x(province, commune, lo, hi)
            WHERE r.province = x.province AND r.commune = x.commune AND r.start_ts < x.hi AND r.end_ts > x.lo
            RETURNING r.province, r.commune, r.start_ts, r.end_ts""";

    // The wills among changed runs: their next sign may be another now.
    private static final String UNCHECK_WILLS = """
            UPDATE site_will w SET checked = false
            FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[]) AS x(province, commune, lo, hi)
            WHERE w.province = x.province AND w.commune = x.commune AND w.ts >= x.lo AND w.ts <= x.hi AND w.checked""";

    private static final String UNCHECKED_WILLS = """
            SELECT province, commune, ts FROM site_will WHERE NOT checked LIMIT ?""";

    private static final String RUN_AROUND = """
            SELECT end_ts FROM site_run WHERE province = ? AND commune = ? AND start_ts <= ? AND end_ts > ?""";

    private static final String CHECKED = """
            UPDATE site_will SET next_ts = ?, checked = true WHERE province = ? AND commune = ? AND ts = ?""";

    private static final String STORE = """
            INSERT INTO site_run (province, commune, start_ts, end_ts)
            SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[])""";

    private final JdbcTemplate jdbc;
    private final RawSigns rawSigns;

    SiteRuns(JdbcTemplate jdbc, RawSigns rawSigns) {
        this.jdbc = jdbc;
        this.rawSigns = rawSigns;
    }

    /** Joins up to {@code limit} marked runs and checks up to {@code limit} wills; returns the larger count. */
    @Transactional
    public int refresh(int limit) {
        if (!WorkMarks.takeTurn(jdbc, LOCK)) {
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
        if (bySite.isEmpty()) {
            return checkWills(limit);
        }
        Map<List<String>, List<SilenceRule.Run>> joined = join(bySite);
        List<SiteRun> stored = new ArrayList<>();
        List<SiteRun> spans = new ArrayList<>();
        joined.forEach((site, runs) -> {
            runs.forEach(run -> stored.add(new SiteRun(site, run.start(), run.end())));
            spans.add(new SiteRun(site, runs.getFirst().start(), runs.getLast().end()));
        });
        update(STORE, stored);
        update(UNCHECK_WILLS, spans);
        WorkMarks.done(jdbc, "site_run_dirty", ids);
        return Math.max(ids.size(), checkWills(limit));
    }

    private int checkWills(int limit) {
        List<List<Object>> wills = jdbc.query(UNCHECKED_WILLS, (rs, i) -> List.of(rs.getString(1), rs.getString(2),
                instant(rs.getObject(3, OffsetDateTime.class))), limit);
        for (List<Object> will : wills) {
            String province = (String) will.get(0);
            String commune = (String) will.get(1);
            Instant ts = (Instant) will.get(2);
            List<OffsetDateTime> runEnd = jdbc.query(RUN_AROUND, (rs, i) -> rs.getObject(1, OffsetDateTime.class),
                    province, commune, utc(ts), utc(ts));
            Instant next = runEnd.isEmpty() ? null : rawSigns.next(province, commune, ts, instant(runEnd.getFirst()));
            jdbc.update(CHECKED, next == null ? null : utc(next), province, commune, utc(ts));
        }
        return wills.size();
    }

    /** Each site's new runs joined with the stored runs they touch, which are deleted (stored again joined). */
    private Map<List<String>, List<SilenceRule.Run>> join(Map<List<String>, List<SilenceRule.Run>> bySite) {
        Map<List<String>, List<SilenceRule.Run>> all = new LinkedHashMap<>();
        List<SiteRun> reach = new ArrayList<>();
        bySite.forEach((site, runs) -> SilenceRule.join(runs).forEach(run -> {
            all.computeIfAbsent(site, k -> new ArrayList<>()).add(run);
            reach.add(new SiteRun(site, run.start().minus(SilenceRule.SILENCE), run.end().plus(SilenceRule.SILENCE)));
        }));
        jdbc.query(TOUCHED, rs -> {
            all.get(List.of(rs.getString(1), rs.getString(2))).add(new SilenceRule.Run(
                    instant(rs.getObject(3, OffsetDateTime.class)), instant(rs.getObject(4, OffsetDateTime.class))));
        }, columns(reach));
        all.replaceAll((site, runs) -> SilenceRule.join(runs));
        return all;
    }

    /** A site and a span of time. */
    private record SiteRun(List<String> site, Instant from, Instant to) {
    }

    private void update(String sql, List<SiteRun> rows) {
        if (!rows.isEmpty()) {
            jdbc.update(sql, columns(rows));
        }
    }

    private static Object[] columns(List<SiteRun> rows) {
        return new Object[] {
                rows.stream().map(r -> r.site().get(0)).toArray(String[]::new),
                rows.stream().map(r -> r.site().get(1)).toArray(String[]::new),
                rows.stream().map(r -> r.from().toString()).toArray(String[]::new),
                rows.stream().map(r -> r.to().toString()).toArray(String[]::new)};
    }

    private static Instant instant(OffsetDateTime t) {
        return t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
