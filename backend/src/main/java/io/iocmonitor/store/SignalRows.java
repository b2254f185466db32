package io.iocmonitor.store;

import static io.iocmonitor.store.ArrayColumns.booleans;
import static io.iocmonitor.store.ArrayColumns.longs;
import static io.iocmonitor.store.ArrayColumns.text;
import static io.iocmonitor.store.ArrayColumns.times;
import static io.iocmonitor.store.ArrayColumns.wire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

import io.iocmonitor.telemetry.HeartbeatEvent;
import io.iocmonitor.telemetry.ProbeEvent;
import io.iocmonitor.telemetry.SyncEvent;
import io.iocmonitor.telemetry.VneidEvent;

/** Raw rows of the VNeID, probe, sync and heartbeat kinds, appended as received, and the latest sync states. */
final class SignalRows {

    private static final String INSERT_VNEID = """
            INSERT INTO vneid_event (event_id, ts, province, commune, result, latency_ms, error_code)
            SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::bigint[],
                                 ?::text[])""";

    private static final String INSERT_PROBE = """
            INSERT INTO probe_event (event_id, ts, province, commune, target, target_type, method, up, latency_ms,
                                     signal_dbm)
            SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                 ?::boolean[], ?::bigint[], ?::bigint[])""";

    private static final String INSERT_SYNC = """
            INSERT INTO sync_event (event_id, ts, province, commune, system, pending, failed, lag_seconds)
            SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::bigint[],
                                 ?::bigint[], ?::bigint[])""";

    private static final String INSERT_HEARTBEAT = """
            INSERT INTO heartbeat_event (event_id, ts, province, commune, collector, version, status)
            SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
                                 ?::text[])""";

    // The newest sync state per system; rows in key order so that concurrent writers lock them alike.
    private static final String UPSERT_SYNC_STATUS = """
            INSERT INTO sync_status (province, commune, system, ts, pending, failed, lag_seconds)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::bigint[], ?::bigint[],
                                 ?::bigint[])
            ON CONFLICT (province, commune, system) DO UPDATE SET
                ts = EXCLUDED.ts, pending = EXCLUDED.pending, failed = EXCLUDED.failed,
                lag_seconds = EXCLUDED.lag_seconds
            WHERE EXCLUDED.ts > sync_status.ts""";

    private static final Comparator<SyncEvent> BY_SYSTEM = Comparator.comparing(SyncEvent::province)
            .thenComparing(SyncEvent::commune).thenComparing(SyncEvent::system);

    private final JdbcTemplate jdbc;

    SignalRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void writeVneid(List<VneidEvent> events) {
        if (!events.isEmpty()) {
            jdbc.update(INSERT_VNEID, text(events, VneidEvent::id), times(events, VneidEvent::ts),
                    text(events, VneidEvent::province), text(events, VneidEvent::commune),
                    wire(events, VneidEvent::result), longs(events, VneidEvent::latencyMs),
                    text(events, VneidEvent::errorCode));
        }
    }

    void writeProbes(List<ProbeEvent> events) {
        if (!events.isEmpty()) {
            jdbc.update(INSERT_PROBE, text(events, ProbeEvent::id), times(events, ProbeEvent::ts),
                    text(events, ProbeEvent::province), text(events, ProbeEvent::commune),
                    text(events, ProbeEvent::target), wire(events, ProbeEvent::targetType),
                    wire(events, ProbeEvent::method), booleans(events, ProbeEvent::up),
                    longs(events, ProbeEvent::latencyMs), longs(events, ProbeEvent::signalDbm));
        }
    }

    void writeSync(List<SyncEvent> events) {
        if (!events.isEmpty()) {
            jdbc.update(INSERT_SYNC, text(events, SyncEvent::id), times(events, SyncEvent::ts),
                    text(events, SyncEvent::province), text(events, SyncEvent::commune),
                    text(events, SyncEvent::system), longs(events, SyncEvent::pending),
                    longs(events, SyncEvent::failed), longs(events, SyncEvent::lagSeconds));
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
            jdbc.update(INSERT_HEARTBEAT, text(events, HeartbeatEvent::id), times(events, HeartbeatEvent::ts),
                    text(events, HeartbeatEvent::province), text(events, HeartbeatEvent::commune),
                    text(events, HeartbeatEvent::collector), text(events, HeartbeatEvent::version),
                    wire(events, HeartbeatEvent::status));
        }
    }
}
