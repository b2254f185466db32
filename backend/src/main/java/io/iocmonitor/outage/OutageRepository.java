package io.iocmonitor.outage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the stored probe outages ({@link ProbeOutages} keeps them), and what the silence rule runs over: per site
 * with a collector, from its first heartbeat on, its runs of signs of life ({@link SiteRuns} keeps them) and last
 * wills around the period.
 */
@Repository
class OutageRepository {

    /** A site (province + commune) and what is watched there. */
    record Key(String province, String commune, String target) {
    }

    // Kept by ProbeOutages. %s: the province condition, written only when a province is given (a condition
    // "? IS NULL OR province = ?" would keep a prepared statement's generic plan off the indexes).
    private static final String PROBE_OUTAGES = """
            SELECT province, commune, target, start_ts, end_ts FROM probe_outage
            WHERE start_ts < :to AND (end_ts IS NULL OR end_ts > :from)%s
            ORDER BY start_ts DESC""";

    // Per site with a collector: its runs of signs of life from the last one that ended before the period to the
    // first that starts after it, and its last wills from the end of that first run on (an earlier will ended at
    // an event of that run or before it) to the first after the period. %s: the province condition, as above.
    private static final String SIGNS_OF_LIFE = """
            WITH sites AS (
                SELECT a.province, a.commune, a.first_heartbeat_ts, b.start_ts AS last_before, b.end_ts AS last_end
                FROM site_activity a LEFT JOIN LATERAL (
                    SELECT start_ts, end_ts FROM site_run r
                    WHERE r.province = a.province AND r.commune = a.commune AND r.end_ts < :from
                    ORDER BY start_ts DESC LIMIT 1) AS b ON true
                WHERE a.first_heartbeat_ts IS NOT NULL%s
            )
            SELECT s.province, s.commune, s.first_heartbeat_ts, x.will, x.start_ts, x.end_ts, x.checked
            FROM sites s CROSS JOIN LATERAL (
                SELECT false AS will, start_ts, end_ts, true AS checked FROM site_run r
                WHERE r.province = s.province AND r.commune = s.commune AND r.start_ts >= s.last_before
                  AND r.start_ts < :to
                UNION ALL
                SELECT false, start_ts, end_ts, true FROM site_run r
                WHERE r.province = s.province AND r.commune = s.commune AND s.last_before IS NULL
                  AND r.end_ts >= :from AND r.start_ts < :to
                UNION ALL
                (SELECT false, start_ts, end_ts, true FROM site_run r
                 WHERE r.province = s.province AND r.commune = s.commune AND r.start_ts >= :to
                 ORDER BY start_ts LIMIT 1)
                UNION ALL
                SELECT true, ts, next_ts, checked FROM site_will w
                WHERE w.province = s.province AND w.commune = s.commune AND w.ts >= COALESCE(s.last_end, '-infinity')
                  AND w.ts < :to
                UNION ALL
                (SELECT true, ts, next_ts, checked FROM site_will w
                 WHERE w.province = s.province AND w.commune = s.commune AND w.ts >= :to ORDER BY ts LIMIT 1)
            ) AS x
            ORDER BY 1, 2, 5""";

    /** What the silence rule needs of one site for a period. */
    record SiteSigns(Key site, List<SilenceRule.Run> runs, List<SilenceRule.Will> wills) {
    }

    private final JdbcClient jdbc;
    private final RawSigns rawSigns;

    OutageRepository(JdbcClient jdbc, RawSigns rawSigns) {
        this.jdbc = jdbc;
        this.rawSigns = rawSigns;
    }

    /** The probe outages that overlap {@code [from, to)}. */
    List<Outage> probeOutages(Instant from, Instant to, @Nullable String province) {
        return inPeriod(PROBE_OUTAGES, from, to, province).query((rs, i) -> {
            OffsetDateTime end = rs.getObject(5, OffsetDateTime.class);
            return new Outage(rs.getString(1), rs.getString(2), rs.getString(3), OutageCause.PROBE,
                    rs.getObject(4, OffsetDateTime.class).toInstant(), end == null ? null : end.toInstant());
        }).list();
    }

    /** The query for {@code [from, to)}, with its province condition (%s) only when a province is given. */
    private JdbcClient.StatementSpec inPeriod(String sql, Instant from, Instant to, @Nullable String province) {
        JdbcClient.StatementSpec query = jdbc.sql(sql.formatted(province == null ? "" : " AND province = :province"))
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC));
        return province == null ? query : query.param("province", province);
    }

    /** Per site with a collector, from its first heartbeat on: its runs and wills around {@code [from, to)}. */
    List<SiteSigns> signsOfLife(Instant from, Instant to, @Nullable String province) {
        JdbcClient.StatementSpec query = inPeriod(SIGNS_OF_LIFE, from, to, province);
        Map<Key, List<SilenceRule.Run>> runs = new LinkedHashMap<>();
        Map<Key, List<StoredWill>> wills = new LinkedHashMap<>();
        query.query(rs -> {
            Key site = new Key(rs.getString(1), rs.getString(2), "collector");
            Instant watchedFrom = rs.getObject(3, OffsetDateTime.class).toInstant();
            Instant start = rs.getObject(5, OffsetDateTime.class).toInstant();
            runs.computeIfAbsent(site, k -> new ArrayList<>());
            if (rs.getBoolean(4)) {
                if (!start.isBefore(watchedFrom)) {
                    OffsetDateTime next = rs.getObject(6, OffsetDateTime.class);
                    wills.computeIfAbsent(site, k -> new ArrayList<>()).add(new StoredWill(start,
                            next == null ? null : next.toInstant(), rs.getBoolean(7)));
                }
                return;
            }
            Instant end = rs.getObject(6, OffsetDateTime.class).toInstant();
            // signs of life before the first heartbeat do not count; that heartbeat is one, so a run starts there
            if (!end.isBefore(watchedFrom)) {
                runs.get(site).add(new SilenceRule.Run(start.isBefore(watchedFrom) ? watchedFrom : start, end));
            }
        });
        List<SiteSigns> sites = new ArrayList<>(runs.size());
        runs.forEach((site, siteRuns) -> sites.add(new SiteSigns(site, siteRuns,
                withNext(site, siteRuns, wills.getOrDefault(site, List.of())))));
        return sites;
    }

    /** A last will as stored: with the next sign inside its run, once SiteRuns has checked it. */
    private record StoredWill(Instant ts, @Nullable Instant nextInRun, boolean checked) {
    }

    /**
     * Each will with the next sign of life after it: a will, the start of a run, or an event inside a run (as
     * SiteRuns found it; looked up now if it has not yet; the run's end if the raw events are gone).
     */
    private List<SilenceRule.Will> withNext(Key site, List<SilenceRule.Run> runs, List<StoredWill> wills) {
        List<SilenceRule.Will> withNext = new ArrayList<>(wills.size());
        for (int i = 0; i < wills.size(); i++) {
            StoredWill will = wills.get(i);
            Instant w = will.ts();
            Instant next = i + 1 < wills.size() ? wills.get(i + 1).ts() : null;
            for (SilenceRule.Run run : runs) {
                if (run.start().isAfter(w)) {
                    next = earliest(next, run.start());
                    break;
                }
                if (run.end().isAfter(w)) {
                    Instant inside = will.checked() ? will.nextInRun()
                            : rawSigns.next(site.province(), site.commune(), w, run.end());
                    next = earliest(next, inside != null ? inside : run.end());
                    break;
                }
            }
            withNext.add(new SilenceRule.Will(w, next));
        }
        return withNext;
    }

    private static Instant earliest(@Nullable Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
