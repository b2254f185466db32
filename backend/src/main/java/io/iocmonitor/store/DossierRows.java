package io.iocmonitor.store;

import static io.iocmonitor.store.ArrayColumns.booleans;
import static io.iocmonitor.store.ArrayColumns.text;
import static io.iocmonitor.store.ArrayColumns.times;
import static io.iocmonitor.store.ArrayColumns.wire;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

import io.iocmonitor.base.Ict;
import io.iocmonitor.telemetry.DossierEvent;
import io.iocmonitor.telemetry.DossierStep;

/**
 * Raw dossier events and the dossier table they merge into, noting which rollups and open-dossier snapshots each
 * merge changed. A dossier is province + dossierId; for each step its
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

    // Every merge returns each row it inserted or changed, with what the step replaced (null on a new row: the
    // replaced_* columns of other steps are never read).
    private static final String CHANGED = """
            province, received_ts, due_at, completed_ts, cancelled_ts, replaced_received_ts, replaced_due_at,
            replaced_completed_ts, replaced_cancelled_ts""";

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
                replaced_received_ts = dossier.received_ts, replaced_due_at = dossier.due_at
            WHERE dossier.received_ts IS NULL OR EXCLUDED.received_ts < dossier.received_ts
            RETURNING\s""" + CHANGED;

    // A completed may arrive before its received: the row is created and joined when the received comes.
    private static final String MERGE_COMPLETED = """
            INSERT INTO dossier (province, dossier_id, commune, procedure_code, completed_ts, e_result, e_signed)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::boolean[],
                                 ?::boolean[])
            ON CONFLICT (province, dossier_id) DO UPDATE SET
                completed_ts = EXCLUDED.completed_ts, e_result = EXCLUDED.e_result, e_signed = EXCLUDED.e_signed,
                replaced_completed_ts = dossier.completed_ts
            WHERE dossier.completed_ts IS NULL OR EXCLUDED.completed_ts < dossier.completed_ts
            RETURNING\s""" + CHANGED;

    private static final String MERGE_CANCELLED = """
            INSERT INTO dossier (province, dossier_id, commune, procedure_code, cancelled_ts)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
            ON CONFLICT (province, dossier_id) DO UPDATE SET
                cancelled_ts = EXCLUDED.cancelled_ts, replaced_cancelled_ts = dossier.cancelled_ts
            WHERE dossier.cancelled_ts IS NULL OR EXCLUDED.cancelled_ts < dossier.cancelled_ts
            RETURNING\s""" + CHANGED;

    private static final Comparator<DossierEvent> BY_DOSSIER =
            Comparator.comparing(DossierEvent::province).thenComparing(DossierEvent::dossierId);

    private final JdbcTemplate jdbc;

    DossierRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the raw events and merges them; adds to {@code changedDays} the province-days whose rollups the merges
     * changed (the merged rows' received and completed days, and the day a replaced earlier event leaves), and to
     * {@code changedDayEnds} the past days whose end-of-day open counts they changed.
     */
    void write(List<DossierEvent> events, LocalDate today, Set<ProvinceDay> changedDays,
            Set<ProvinceDay> changedDayEnds) {
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
        Changes changes = new Changes(today, changedDays, changedDayEnds);
        List<DossierEvent> received = earliestPerDossier(events, DossierStep.RECEIVED);
        if (!received.isEmpty()) {
            merge(MERGE_RECEIVED, DossierStep.RECEIVED, changes, key(received, 0), key(received, 1),
                    text(received, DossierEvent::commune),
                    text(received, DossierEvent::procedureCode), times(received, DossierEvent::ts),
                    wire(received, DossierEvent::channel), booleans(received, DossierEvent::fullProcess),
                    times(received, DossierEvent::dueAt), booleans(received, DossierEvent::digitized),
                    wire(received, DossierEvent::payment));
        }
        List<DossierEvent> completed = earliestPerDossier(events, DossierStep.COMPLETED);
        if (!completed.isEmpty()) {
            merge(MERGE_COMPLETED, DossierStep.COMPLETED, changes, key(completed, 0), key(completed, 1),
                    text(completed, DossierEvent::commune), text(completed, DossierEvent::procedureCode),
                    times(completed, DossierEvent::ts), booleans(completed, DossierEvent::eResult),
                    booleans(completed, DossierEvent::eSigned));
        }
        List<DossierEvent> cancelled = earliestPerDossier(events, DossierStep.CANCELLED);
        if (!cancelled.isEmpty()) {
            merge(MERGE_CANCELLED, DossierStep.CANCELLED, changes, key(cancelled, 0), key(cancelled, 1),
                    text(cancelled, DossierEvent::commune), text(cancelled, DossierEvent::procedureCode),
                    times(cancelled, DossierEvent::ts));
        }
    }

    private record Changes(LocalDate today, Set<ProvinceDay> days, Set<ProvinceDay> dayEnds) {
    }

    private void merge(String sql, DossierStep step, Changes changes, Object... args) {
        jdbc.query(sql, rs -> {
            String province = rs.getString("province");
            Instant received = instant(rs.getTimestamp("received_ts"));
            Instant due = instant(rs.getTimestamp("due_at"));
            Instant completed = instant(rs.getTimestamp("completed_ts"));
            Instant cancelled = instant(rs.getTimestamp("cancelled_ts"));
            Instant closed = earlier(completed, cancelled);
            OpenDayEnds.Version after = new OpenDayEnds.Version(received, due, closed);
            OpenDayEnds.Version before = switch (step) {
                case RECEIVED -> new OpenDayEnds.Version(instant(rs.getTimestamp("replaced_received_ts")),
                        instant(rs.getTimestamp("replaced_due_at")), closed);
                case COMPLETED -> new OpenDayEnds.Version(received, due,
                        earlier(instant(rs.getTimestamp("replaced_completed_ts")), cancelled));
                case CANCELLED -> new OpenDayEnds.Version(received, due,
                        earlier(completed, instant(rs.getTimestamp("replaced_cancelled_ts"))));
            };
            OpenDayEnds.changed(province, before, after, changes.today(), changes.dayEnds());
            // the rollups count a dossier on its received and completed days; a cancellation counts in neither
            if (step == DossierStep.RECEIVED) {
                addDay(changes.days(), province, received);
                addDay(changes.days(), province, completed);
                addDay(changes.days(), province, before.received());
            } else if (step == DossierStep.COMPLETED) {
                addDay(changes.days(), province, completed);
                addDay(changes.days(), province, instant(rs.getTimestamp("replaced_completed_ts")));
            }
        }, args);
    }

    private static void addDay(Set<ProvinceDay> days, String province, @Nullable Instant ts) {
        if (ts != null) {
            days.add(new ProvinceDay(province, Ict.dateOf(ts)));
        }
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static @Nullable Instant earlier(@Nullable Instant a, @Nullable Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
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
