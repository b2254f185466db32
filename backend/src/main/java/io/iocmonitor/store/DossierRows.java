package io.iocmonitor.store;

import static io.iocmonitor.store.ArrayColumns.booleans;
import static io.iocmonitor.store.ArrayColumns.text;
import static io.iocmonitor.store.ArrayColumns.times;
import static io.iocmonitor.store.ArrayColumns.wire;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

import io.iocmonitor.base.Ict;
import io.iocmonitor.telemetry.DossierEvent;
import io.iocmonitor.telemetry.DossierStep;

/**
 * Raw dossier events and the dossier table they merge into, marking the rollups the merge changed. A dossier is province + dossierId; for each step its
 * earliest event (by ts) counts, whatever order the events arrive in, so a batch is first reduced to the earliest
 * event per dossier and step, and each merge then touches a row at most once.
 */
final class DossierRows {

    private static final String INSERT_RAW = """
            INSERT INTO dossier_event (event_id, ts, province, commune, dossier_id, procedure_code, event, channel,
                                       full_process, due_at, digitized, payment, e_result, e_signed)
            SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                 ?::text[], ?::boolean[], ?::timestamptz[], ?::boolean[], ?::text[], ?::boolean[],
                                 ?::boolean[])""";

    private static final String MERGE_RECEIVED = """
            INSERT INTO dossier (province, dossier_id, commune, procedure_code, received_ts, channel, full_process,
                                 due_at, digitized, payment)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[],
                                 ?::boolean[], ?::timestamptz[], ?::boolean[], ?::text[])
            ON CONFLICT (province, dossier_id) DO UPDATE SET
                commune = EXCLUDED.commune, procedure_code = EXCLUDED.procedure_code,
                received_ts = EXCLUDED.received_ts, channel = EXCLUDED.channel,
                full_process = EXCLUDED.full_process, due_at = EXCLUDED.due_at,
                digitized = EXCLUDED.digitized, payment = EXCLUDED.payment,
                replaced_received_ts = dossier.received_ts
            WHERE dossier.received_ts IS NULL OR EXCLUDED.received_ts < dossier.received_ts
            RETURNING province, received_ts, completed_ts, replaced_received_ts""";

    // A completed may arrive before its received: the row is created and joined when the received comes.
    private static final String MERGE_COMPLETED = """
            INSERT INTO dossier (province, dossier_id, commune, procedure_code, completed_ts, e_result, e_signed)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::boolean[],
                                 ?::boolean[])
            ON CONFLICT (province, dossier_id) DO UPDATE SET
                completed_ts = EXCLUDED.completed_ts, e_result = EXCLUDED.e_result, e_signed = EXCLUDED.e_signed,
                replaced_completed_ts = dossier.completed_ts
            WHERE dossier.completed_ts IS NULL OR EXCLUDED.completed_ts < dossier.completed_ts
            RETURNING province, completed_ts, NULL::timestamptz, replaced_completed_ts""";

    private static final String MERGE_CANCELLED = """
            INSERT INTO dossier (province, dossier_id, commune, procedure_code, cancelled_ts)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
            ON CONFLICT (province, dossier_id) DO UPDATE SET cancelled_ts = EXCLUDED.cancelled_ts
            WHERE dossier.cancelled_ts IS NULL OR EXCLUDED.cancelled_ts < dossier.cancelled_ts""";

    private static final Comparator<DossierEvent> BY_DOSSIER =
            Comparator.comparing(DossierEvent::province).thenComparing(DossierEvent::dossierId);

    private final JdbcTemplate jdbc;

    DossierRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the raw events and merges them; adds to {@code changedDays} the province-days whose rollups the merges
     * changed: the merged rows' received and completed days, and the day a replaced earlier event leaves.
     */
    void write(List<DossierEvent> events, Set<ProvinceDay> changedDays) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.update(INSERT_RAW, text(events, DossierEvent::id), times(events, DossierEvent::ts),
                text(events, DossierEvent::province), text(events, DossierEvent::commune),
                text(events, DossierEvent::dossierId), text(events, DossierEvent::procedureCode),
                wire(events, DossierEvent::step), wire(events, DossierEvent::channel),
                booleans(events, DossierEvent::fullProcess), times(events, DossierEvent::dueAt),
                booleans(events, DossierEvent::digitized), wire(events, DossierEvent::payment),
                booleans(events, DossierEvent::eResult), booleans(events, DossierEvent::eSigned));
        List<DossierEvent> received = earliestPerDossier(events, DossierStep.RECEIVED);
        if (!received.isEmpty()) {
            merge(changedDays, MERGE_RECEIVED, key(received, 0), key(received, 1),
                    text(received, DossierEvent::commune),
                    text(received, DossierEvent::procedureCode), times(received, DossierEvent::ts),
                    wire(received, DossierEvent::channel), booleans(received, DossierEvent::fullProcess),
                    times(received, DossierEvent::dueAt), booleans(received, DossierEvent::digitized),
                    wire(received, DossierEvent::payment));
        }
        List<DossierEvent> completed = earliestPerDossier(events, DossierStep.COMPLETED);
        if (!completed.isEmpty()) {
            merge(changedDays, MERGE_COMPLETED, key(completed, 0), key(completed, 1),
                    text(completed, DossierEvent::commune), text(completed, DossierEvent::procedureCode),
                    times(completed, DossierEvent::ts), booleans(completed, DossierEvent::eResult),
                    booleans(completed, DossierEvent::eSigned));
        }
        List<DossierEvent> cancelled = earliestPerDossier(events, DossierStep.CANCELLED);
        if (!cancelled.isEmpty()) {
            jdbc.update(MERGE_CANCELLED, key(cancelled, 0), key(cancelled, 1),
                    text(cancelled, DossierEvent::commune), text(cancelled, DossierEvent::procedureCode),
                    times(cancelled, DossierEvent::ts));
        }
    }

    // Each merge returns the province and three timestamps of every row it inserted or changed.
    private void merge(Set<ProvinceDay> changedDays, String sql, Object... args) {
        jdbc.query(sql, rs -> {
            String province = rs.getString(1);
            for (int column = 2; column <= 4; column++) {
                Timestamp ts = rs.getTimestamp(column);
                if (ts != null) {
                    changedDays.add(new ProvinceDay(province, Ict.dateOf(ts.toInstant())));
                }
            }
        }, args);
    }

    /** The earliest event of the step per dossier, in key order (so concurrent writers lock rows alike). */
    static List<DossierEvent> earliestPerDossier(List<DossierEvent> events, DossierStep step) {
        Map<DossierEvent, DossierEvent> earliest = new TreeMap<>(BY_DOSSIER);
        for (DossierEvent e : events) {
            if (e.step() == step) {
                earliest.merge(e, e, (a, b) -> b.ts().isBefore(a.ts()) ? b : a);
            }
        }
        return new ArrayList<>(earliest.values());
    }

    private static String[] key(List<DossierEvent> events, int part) {
        return text(events, part == 0 ? DossierEvent::province : DossierEvent::dossierId);
    }
}
