package io.iocmonitor.store;

import static io.iocmonitor.store.ArrayColumns.longs;
import static io.iocmonitor.store.ArrayColumns.text;
import static io.iocmonitor.store.ArrayColumns.times;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

import io.iocmonitor.base.Ict;
import io.iocmonitor.telemetry.HeartbeatEvent;
import io.iocmonitor.telemetry.ProbeEvent;
import io.iocmonitor.telemetry.SyncEvent;
import io.iocmonitor.telemetry.VneidEvent;
import io.iocmonitor.telemetry.VneidResult;

/**
 * Raw rows of the VNeID, probe, sync and heartbeat kinds, appended as received (through COPY, like raw dossier
 * events); the latest sync states and the daily probe counts beside them.
 */
final class SignalRows {

    private static final String COPY_VNEID =
            "COPY vneid_event (event_id, ts, province, commune, result, latency_ms, error_code) FROM STDIN";

    private static final String COPY_PROBE = "COPY probe_event (event_id, ts, province, commune, target, target_type,"
            + " method, up, latency_ms, signal_dbm) FROM STDIN";

    // Which targets' outages to recompute, and from when: see V22__probe_outages.sql. Append-only, so concurrent
    // writers never wait for each other here.
    private static final String MARK_PROBE_OUTAGES = """
            INSERT INTO probe_outage_dirty (province, commune, target, since)
            SELECT province, commune, target, min(ts)
            FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[]) AS p(province, commune, target, ts)
            GROUP BY 1, 2, 3""";

    private static final String COPY_SYNC = "COPY sync_event (event_id, ts, province, commune, system, pending, failed,"
            + " lag_seconds) FROM STDIN";

    private static final String COPY_HEARTBEAT = "COPY heartbeat_event (event_id, ts, province, commune, collector,"
            + " version, status, queue_depth, dropped) FROM STDIN";

    // The newest sync state per system; rows in key order so that concurrent writers lock them alike.
    private static final String UPSERT_SYNC_STATUS = """
            INSERT INTO sync_status (province, commune, system, ts, pending, failed, lag_seconds)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::bigint[], ?::bigint[],
                                 ?::bigint[])
            ON CONFLICT (province, commune, system) DO UPDATE SET
                ts = EXCLUDED.ts, pending = EXCLUDED.pending, failed = EXCLUDED.failed,
                lag_seconds = EXCLUDED.lag_seconds
            WHERE EXCLUDED.ts > sync_status.ts""";

    // Rows in key order, so that concurrent writers lock them alike.
    private static final String COUNT_PROBES = """
            INSERT INTO probe_day (province, day, commune, target, up, total)
            SELECT * FROM unnest(?::text[], ?::date[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])
            ON CONFLICT (province, day, commune, target) DO UPDATE SET
                up = probe_day.up + EXCLUDED.up, total = probe_day.total + EXCLUDED.total""";

    // Rows in key order, like the probe counts.
    private static final String COUNT_VNEID = """
            INSERT INTO vneid_day (province, day, commune, attempts, ok)
            SELECT * FROM unnest(?::text[], ?::date[], ?::text[], ?::bigint[], ?::bigint[])
            ON CONFLICT (province, day, commune) DO UPDATE SET
                attempts = vneid_day.attempts + EXCLUDED.attempts, ok = vneid_day.ok + EXCLUDED.ok""";

    // %s: day or month, the histogram's grain.
    private static final String COUNT_VNEID_LATENCY = """
            INSERT INTO vneid_latency_%1$s (province, %1$s, latency_ms, ok)
            SELECT * FROM unnest(?::text[], ?::date[], ?::bigint[], ?::bigint[])
            ON CONFLICT (province, %1$s, latency_ms) DO UPDATE SET ok = vneid_latency_%1$s.ok + EXCLUDED.ok""";

    /** Keys of equal length, compared part by part: the order of the rows' primary keys. */
    private static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private static final Comparator<SyncEvent> BY_SYSTEM = Comparator.comparing(SyncEvent::province)
            .thenComparing(SyncEvent::commune).thenComparing(SyncEvent::system);

    private final JdbcTemplate jdbc;

    SignalRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void writeVneid(List<VneidEvent> events) {
        if (!events.isEmpty()) {
            CopyRows rows = new CopyRows();
            events.forEach(e -> rows.text(e.id()).time(e.ts()).text(e.province()).text(e.commune()).wire(e.result())
                    .number(e.latencyMs()).text(e.errorCode()).end());
            rows.copy(jdbc, COPY_VNEID);
        }
    }

    /** Attempts and ok per commune and day, and the latencies of ok attempts per province and day. */
    void countVneid(List<VneidEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<List<String>, long[]> counts = new TreeMap<>(KEY_ORDER);
        Map<Latency, long[]> days = new TreeMap<>(LATENCY_ORDER);
        Map<Latency, long[]> months = new TreeMap<>(LATENCY_ORDER);
        for (VneidEvent e : events) {
            LocalDate day = Ict.dateOf(e.ts());
            long[] c = counts.computeIfAbsent(List.of(e.province(), day.toString(), e.commune()), k -> new long[2]);
            c[0]++;
            if (e.result() == VneidResult.OK) {
                c[1]++;
                days.computeIfAbsent(new Latency(e.province(), day.toString(), e.latencyMs()), k -> new long[1])[0]++;
                months.computeIfAbsent(new Latency(e.province(), day.withDayOfMonth(1).toString(), e.latencyMs()),
                        k -> new long[1])[0]++;
            }
        }
        List<Map.Entry<List<String>, long[]>> rows = new ArrayList<>(counts.entrySet());
        jdbc.update(COUNT_VNEID, text(rows, r -> r.getKey().get(0)), text(rows, r -> r.getKey().get(1)),
                text(rows, r -> r.getKey().get(2)), longs(rows, r -> r.getValue()[0]),
                longs(rows, r -> r.getValue()[1]));
        countLatencies("day", days);
        countLatencies("month", months);
    }

    private void countLatencies(String grain, Map<Latency, long[]> latencies) {
        List<Map.Entry<Latency, long[]>> histogram = new ArrayList<>(latencies.entrySet());
        if (!histogram.isEmpty()) {
            jdbc.update(COUNT_VNEID_LATENCY.formatted(grain), text(histogram, r -> r.getKey().province()),
                    text(histogram, r -> r.getKey().period()), longs(histogram, r -> r.getKey().ms()),
                    longs(histogram, r -> r.getValue()[0]));
        }
    }

    /** A row of a latency histogram: a province, an ICT day or month (its first day), whole milliseconds. */
    private record Latency(String province, String period, long ms) {
    }

    private static final Comparator<Latency> LATENCY_ORDER = Comparator.comparing(Latency::province)
            .thenComparing(Latency::period).thenComparingLong(Latency::ms);

    void writeProbes(List<ProbeEvent> events) {
        if (!events.isEmpty()) {
            CopyRows rows = new CopyRows();
            events.forEach(e -> rows.text(e.id()).time(e.ts()).text(e.province()).text(e.commune()).text(e.target())
                    .wire(e.targetType()).wire(e.method()).bool(e.up()).number(e.latencyMs()).number(e.signalDbm())
                    .end());
            rows.copy(jdbc, COPY_PROBE);
            jdbc.update(MARK_PROBE_OUTAGES, text(events, ProbeEvent::province), text(events, ProbeEvent::commune),
                    text(events, ProbeEvent::target), times(events, ProbeEvent::ts));
        }
    }

    void countProbes(List<ProbeEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<List<String>, long[]> counts = new TreeMap<>(KEY_ORDER);
        for (ProbeEvent e : events) {
            long[] c = counts.computeIfAbsent(
                    List.of(e.province(), Ict.dateOf(e.ts()).toString(), e.commune(), e.target()), k -> new long[2]);
            c[0] += e.up() ? 1 : 0;
            c[1]++;
        }
        List<Map.Entry<List<String>, long[]>> rows = new ArrayList<>(counts.entrySet());
        jdbc.update(COUNT_PROBES, text(rows, r -> r.getKey().get(0)), text(rows, r -> r.getKey().get(1)),
                text(rows, r -> r.getKey().get(2)), text(rows, r -> r.getKey().get(3)),
                longs(rows, r -> r.getValue()[0]), longs(rows, r -> r.getValue()[1]));
    }

    void writeSync(List<SyncEvent> events) {
        if (!events.isEmpty()) {
            CopyRows rows = new CopyRows();
            events.forEach(e -> rows.text(e.id()).time(e.ts()).text(e.province()).text(e.commune()).text(e.system())
                    .number(e.pending()).number(e.failed()).number(e.lagSeconds()).end());
            rows.copy(jdbc, COPY_SYNC);
        }
    }

    void updateSyncStatus(List<SyncEvent> events) {
        if (!events.isEmpty()) {
            Map<SyncEvent, SyncEvent> newest = new TreeMap<>(BY_SYSTEM);
            events.forEach(e -> newest.merge(e, e, (a, b) -> b.ts().isAfter(a.ts()) ? b : a));
            List<SyncEvent> latest = new ArrayList<>(newest.values());
            jdbc.update(UPSERT_SYNC_STATUS, text(latest, SyncEvent::province), text(latest, SyncEvent::commune),
                    text(latest, SyncEvent::system), times(latest, SyncEvent::ts), longs(latest, SyncEvent::pending),
                    longs(latest, SyncEvent::failed), longs(latest, SyncEvent::lagSeconds));
        }
    }

    void writeHeartbeats(List<HeartbeatEvent> events) {
        if (!events.isEmpty()) {
            CopyRows rows = new CopyRows();
            events.forEach(e -> rows.text(e.id()).time(e.ts()).text(e.province()).text(e.commune())
                    .text(e.collector()).text(e.version()).wire(e.status()).number(e.queueDepth())
                    .number(e.dropped()).end());
            rows.copy(jdbc, COPY_HEARTBEAT);
        }
    }
}
