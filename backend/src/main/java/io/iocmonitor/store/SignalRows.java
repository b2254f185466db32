package io.iocmonitor.store;

import static io.iocmonitor.store.ArrayColumns.booleans;
import static io.iocmonitor.store.ArrayColumns.longs;
import static io.iocmonitor.store.ArrayColumns.text;
import static io.iocmonitor.store.ArrayColumns.times;
import static io.iocmonitor.store.ArrayColumns.wire;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import io.iocmonitor.telemetry.HeartbeatEvent;
import io.iocmonitor.telemetry.ProbeEvent;
import io.iocmonitor.telemetry.SyncEvent;
import io.iocmonitor.telemetry.VneidEvent;

/** Raw rows of the VNeID, probe, sync and heartbeat kinds: appended as received. */
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
