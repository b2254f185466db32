package io.iocmonitor.store;

import static io.iocmonitor.store.ArrayColumns.longs;
import static io.iocmonitor.store.ArrayColumns.text;
import static io.iocmonitor.store.ArrayColumns.times;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.iocmonitor.base.Ict;
import io.iocmonitor.kpi.RollupCounts;
import io.iocmonitor.outage.SilenceRule;
import io.iocmonitor.telemetry.CollectorStatus;
import io.iocmonitor.telemetry.DossierEvent;
import io.iocmonitor.telemetry.HeartbeatEvent;
import io.iocmonitor.telemetry.KnownSites;
import io.iocmonitor.telemetry.ProbeEvent;
import io.iocmonitor.telemetry.Rejection;
import io.iocmonitor.telemetry.SyncEvent;
import io.iocmonitor.telemetry.TelemetryEvent;
import io.iocmonitor.telemetry.TelemetryKind;
import io.iocmonitor.telemetry.Topic;
import io.iocmonitor.telemetry.VneidEvent;

/**
 * Stores a batch of validated events and dead letters in one transaction. An event id seen before is skipped
 * whole; a new event is kept raw, a dossier event is merged into its dossier and the dossier rollups follow the
 * merge, and each site's newest activity is remembered, as is the tally of valid and rejected events per province.
 * Each table gets one statement per batch: {@code COPY} for raw events, multi-row statements for the rest.
 */
@Repository
public class TelemetryStore {

    private static final String CLAIM_IDS = """
            INSERT INTO ingested_event (event_id, kind)
            SELECT unnest(?::text[]), unnest(?::text[])
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id""";

    private static final String INSERT_DEAD_LETTERS = """
            INSERT INTO dead_letter (received_at, topic, reason, payload)
            SELECT ?::timestamptz, * FROM unnest(?::text[], ?::text[], ?::text[])""";

    // The past days whose end-of-day open-dossier counts must be recomputed.
    private static final String MARK_OPEN_CHANGED = """
            INSERT INTO open_dirty (province, day)
            SELECT * FROM unnest(?::text[], ?::date[])""";

    // Lock rows in key order (the map below is sorted), so that two servers never deadlock on them.
    private static final String TOUCH_SITES = """
            INSERT INTO site_activity (province, commune, last_event_ts, last_received_at, first_heartbeat_ts)
            SELECT p, c, t, ?::timestamptz, h
            FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[]) AS u(p, c, t, h)
            ON CONFLICT (province, commune) DO UPDATE SET
                last_event_ts = GREATEST(site_activity.last_event_ts, EXCLUDED.last_event_ts),
                last_received_at = EXCLUDED.last_received_at,
                first_heartbeat_ts = LEAST(site_activity.first_heartbeat_ts, EXCLUDED.first_heartbeat_ts)""";

    // The batch's runs of signs of life per site, for the server to join (V23__collector_signs_of_life.sql).
    private static final String MARK_RUNS = """
            INSERT INTO site_run_dirty (province, commune, start_ts, end_ts)
            SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[])""";

    private static final String ADD_WILLS = """
            INSERT INTO site_will (province, commune, ts)
            SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[]) ON CONFLICT DO NOTHING""";

    // Rows in key order, like the site activity, so that two servers never deadlock on them.
    private static final String TALLY = """
            INSERT INTO ingest_tally (day, province, accepted, rejected)
            SELECT ?::date, * FROM unnest(?::text[], ?::bigint[], ?::bigint[])
            ON CONFLICT (day, province) DO UPDATE SET
                accepted = ingest_tally.accepted + EXCLUDED.accepted,
                rejected = ingest_tally.rejected + EXCLUDED.rejected""";

    private final JdbcTemplate jdbc;
    private final DossierRows dossiers;
    private final SignalRows signals;
    private final KnownSites sites;
    private final Clock clock;

    TelemetryStore(JdbcTemplate jdbc, KnownSites sites, Clock clock) {
        this.jdbc = jdbc;
        this.dossiers = new DossierRows(jdbc);
        this.signals = new SignalRows(jdbc);
        this.sites = sites;
        this.clock = clock;
    }

    @Transactional
    public WriteResult write(List<TelemetryEvent> events, List<Rejection> rejections) {
        Instant now = clock.instant();
        if (events.stream().anyMatch(e -> e.kind() == TelemetryKind.DOSSIER)) {
            // first, so that a writer waiting here (while marked days are recomputed) holds no row another one needs
            jdbc.queryForObject("SELECT pg_advisory_xact_lock_shared(?)::text", String.class, RollupCounts.WRITE_LOCK);
        }
        List<TelemetryEvent> fresh = claimNewIds(events);
        Map<TelemetryKind, List<TelemetryEvent>> byKind = new EnumMap<>(TelemetryKind.class);
        fresh.forEach(e -> byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e));
        RollupDeltas rollups = new RollupDeltas();
        Set<ProvinceDay> changedDayEnds = new TreeSet<>();
        dossiers.write(ofKind(byKind, TelemetryKind.DOSSIER, DossierEvent.class), Ict.dateOf(now), rollups,
                changedDayEnds);
        List<ProbeEvent> probes = ofKind(byKind, TelemetryKind.PROBE, ProbeEvent.class);
        List<SyncEvent> syncs = ofKind(byKind, TelemetryKind.SYNC, SyncEvent.class);
        List<VneidEvent> vneid = ofKind(byKind, TelemetryKind.VNEID, VneidEvent.class);
        signals.writeVneid(vneid);
        signals.writeProbes(probes);
        signals.writeSync(syncs);
        signals.writeHeartbeats(ofKind(byKind, TelemetryKind.HEARTBEAT, HeartbeatEvent.class));
        if (!rejections.isEmpty()) {
            jdbc.update(INSERT_DEAD_LETTERS, now.toString(), text(rejections, Rejection::topic),
                    text(rejections, Rejection::reason), text(rejections, r -> withoutNul(r.payload())));
        }
        // Rows that every batch touches (today's, each province's) come last and in key order: concurrent writers
        // then overlap on everything above and wait for each other only here, and never deadlock.
        rollups.write(jdbc);
        markDayEndsChanged(changedDayEnds);
        signals.countProbes(probes);
        signals.countVneid(vneid);
        signals.updateSyncStatus(syncs);
        touchSites(fresh, now);
        tally(events, rejections, now);
        return new WriteResult(fresh, duplicatesByKind(events, fresh), rejections.size());
    }

    private void markDayEndsChanged(Set<ProvinceDay> days) {
        if (!days.isEmpty()) {
            List<ProvinceDay> rows = new ArrayList<>(days);
            jdbc.update(MARK_OPEN_CHANGED, text(rows, ProvinceDay::province), text(rows, d -> d.day().toString()));
        }
    }

    private List<TelemetryEvent> claimNewIds(List<TelemetryEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        // in id order, so that two servers claiming the same ids lock them alike and cannot deadlock
        List<TelemetryEvent> byId = events.stream().sorted(Comparator.comparing(TelemetryEvent::id)).toList();
        Set<String> claimed = new HashSet<>(jdbc.queryForList(CLAIM_IDS, String.class,
                text(byId, TelemetryEvent::id), text(byId, e -> e.kind().wireName())));
        List<TelemetryEvent> fresh = new ArrayList<>(claimed.size());
        for (TelemetryEvent e : events) {
            // remove() keeps only the first of two events with one id in the same batch
            if (claimed.remove(e.id())) {
                fresh.add(e);
            }
        }
        return fresh;
    }

    /**
     * The newest event and first heartbeat of each site, in key order (every batch touches these rows); and the
     * batch's signs of life for the silence rule: its runs per site, and its last wills.
     */
    private void touchSites(List<TelemetryEvent> fresh, Instant now) {
        if (fresh.isEmpty()) {
            return;
        }
        Map<List<String>, SiteSigns> sites = new TreeMap<>((a, b) -> {
            int byProvince = a.get(0).compareTo(b.get(0));
            return byProvince != 0 ? byProvince : a.get(1).compareTo(b.get(1));
        });
        for (TelemetryEvent e : fresh) {
            sites.computeIfAbsent(List.of(e.province(), e.commune()), k -> new SiteSigns()).add(e);
        }
        List<Map.Entry<List<String>, SiteSigns>> rows = new ArrayList<>(sites.entrySet());
        jdbc.update(TOUCH_SITES, now.toString(), text(rows, s -> s.getKey().get(0)),
                text(rows, s -> s.getKey().get(1)), times(rows, s -> s.getValue().newest),
                times(rows, s -> s.getValue().firstHeartbeat));
        List<List<Object>> runs = new ArrayList<>();
        List<List<Object>> wills = new ArrayList<>();
        rows.forEach(site -> {
            SilenceRule.join(site.getValue().signs).forEach(run -> runs.add(List.of(site.getKey().get(0),
                    site.getKey().get(1), run.start(), run.end())));
            site.getValue().wills.forEach(w -> wills.add(List.of(site.getKey().get(0), site.getKey().get(1), w)));
        });
        if (!runs.isEmpty()) {
            jdbc.update(MARK_RUNS, text(runs, r -> (String) r.get(0)), text(runs, r -> (String) r.get(1)),
                    times(runs, r -> (Instant) r.get(2)), times(runs, r -> (Instant) r.get(3)));
        }
        if (!wills.isEmpty()) {
            jdbc.update(ADD_WILLS, text(wills, r -> (String) r.get(0)), text(wills, r -> (String) r.get(1)),
                    times(wills, r -> (Instant) r.get(2)));
        }
    }

    /** What one batch tells of one site's collector. */
    private static final class SiteSigns {
        private @Nullable Instant newest;
        private @Nullable Instant firstHeartbeat;
        private final List<SilenceRule.Run> signs = new ArrayList<>();
        private final List<Instant> wills = new ArrayList<>();

        void add(TelemetryEvent e) {
            newest = newest == null || e.ts().isAfter(newest) ? e.ts() : newest;
            if (e instanceof HeartbeatEvent beat) {
                firstHeartbeat = firstHeartbeat == null || e.ts().isBefore(firstHeartbeat) ? e.ts() : firstHeartbeat;
                if (beat.status() == CollectorStatus.OFFLINE) {
                    wills.add(e.ts());
                    return;
                }
            }
            signs.add(new SilenceRule.Run(e.ts(), e.ts()));
        }
    }

    /** Counts valid events (duplicates too: they were valid) and rejects per province, for data validity. */
    private void tally(List<TelemetryEvent> events, List<Rejection> rejections, Instant now) {
        if (events.isEmpty() && rejections.isEmpty()) {
            return;
        }
        Map<String, long[]> byProvince = new TreeMap<>();
        events.forEach(e -> byProvince.computeIfAbsent(e.province(), p -> new long[2])[0]++);
        rejections.forEach(r -> byProvince.computeIfAbsent(provinceOf(r), p -> new long[2])[1]++);
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(byProvince.entrySet());
        jdbc.update(TALLY, Ict.dateOf(now).toString(), text(rows, Map.Entry::getKey),
                longs(rows, r -> r.getValue()[0]), longs(rows, r -> r.getValue()[1]));
    }

    private String provinceOf(Rejection rejection) {
        String province = Topic.provinceSegment(rejection.topic());
        return province != null && sites.isProvince(province) ? province : Topic.PROVINCE_LEVEL;
    }

    private static <T extends TelemetryEvent> List<T> ofKind(Map<TelemetryKind, List<TelemetryEvent>> byKind,
            TelemetryKind kind, Class<T> type) {
        return byKind.getOrDefault(kind, List.of()).stream().map(type::cast).toList();
    }

    private static Map<TelemetryKind, Integer> duplicatesByKind(List<TelemetryEvent> all,
            List<TelemetryEvent> fresh) {
        Map<TelemetryKind, Integer> counts = new EnumMap<>(TelemetryKind.class);
        all.forEach(e -> counts.merge(e.kind(), 1, Integer::sum));
        fresh.forEach(e -> counts.merge(e.kind(), -1, Integer::sum));
        counts.values().removeIf(n -> n == 0);
        return counts;
    }

    // PostgreSQL text cannot hold NUL; the dead letter must still be kept.
    private static String withoutNul(String payload) {
        return payload.replace("\u0000", "\\u0000");
    }
}
