package io.iocmonitor.store;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.iocmonitor.telemetry.DossierEvent;
import io.iocmonitor.telemetry.DossierStep;
import io.iocmonitor.telemetry.Rejection;
import io.iocmonitor.telemetry.TelemetryKind;

/**
 * Stores a batch of validated events and dead letters in one transaction. An event id seen before is skipped
 * whole; a new dossier event is kept raw and merged into its dossier row.
 */
@Repository
public class TelemetryStore {

    private static final String CLAIM_IDS = """
            INSERT INTO ingested_event (event_id, kind)
            SELECT id, ? FROM unnest(?::text[]) AS id
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id""";

    private static final String INSERT_RAW = """
            INSERT INTO dossier_event (event_id, ts, province, commune, dossier_id, procedure_code, event, channel,
                                       full_process, due_at, digitized, payment, e_result, e_signed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    // The earliest received (by ts) defines the dossier; a later or repeated one changes nothing.
    private static final String MERGE_RECEIVED = """
            INSERT INTO dossier (province, dossier_id, commune, procedure_code, received_ts, channel, full_process,
                                 due_at, digitized, payment)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (province, dossier_id) DO UPDATE SET
                commune = EXCLUDED.commune, procedure_code = EXCLUDED.procedure_code,
                received_ts = EXCLUDED.received_ts, channel = EXCLUDED.channel,
                full_process = EXCLUDED.full_process, due_at = EXCLUDED.due_at,
                digitized = EXCLUDED.digitized, payment = EXCLUDED.payment
            WHERE dossier.received_ts IS NULL OR EXCLUDED.received_ts < dossier.received_ts""";

    // A completed may arrive before its received: the row is created and joined when the received comes.
    private static final String MERGE_COMPLETED = """
            INSERT INTO dossier (province, dossier_id, commune, procedure_code, completed_ts, e_result, e_signed)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (province, dossier_id) DO UPDATE SET
                completed_ts = EXCLUDED.completed_ts, e_result = EXCLUDED.e_result, e_signed = EXCLUDED.e_signed
            WHERE dossier.completed_ts IS NULL OR EXCLUDED.completed_ts < dossier.completed_ts""";

    private static final String MERGE_CANCELLED = """
            INSERT INTO dossier (province, dossier_id, commune, procedure_code, cancelled_ts)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (province, dossier_id) DO UPDATE SET cancelled_ts = EXCLUDED.cancelled_ts
            WHERE dossier.cancelled_ts IS NULL OR EXCLUDED.cancelled_ts < dossier.cancelled_ts""";

    private static final String INSERT_DEAD_LETTER =
            "INSERT INTO dead_letter (received_at, topic, reason, payload) VALUES (?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TelemetryStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public WriteResult write(List<DossierEvent> events, List<Rejection> rejections) {
        List<DossierEvent> fresh = claimNewIds(events);
        if (!fresh.isEmpty()) {
            jdbc.batchUpdate(INSERT_RAW, fresh.stream().map(TelemetryStore::rawRow).toList());
            jdbc.batchUpdate(MERGE_RECEIVED, rows(fresh, DossierStep.RECEIVED));
            jdbc.batchUpdate(MERGE_COMPLETED, rows(fresh, DossierStep.COMPLETED));
            jdbc.batchUpdate(MERGE_CANCELLED, rows(fresh, DossierStep.CANCELLED));
        }
        if (!rejections.isEmpty()) {
            OffsetDateTime now = ts(clock.instant());
            jdbc.batchUpdate(INSERT_DEAD_LETTER, rejections.stream()
                    .map(r -> new Object[] {now, r.topic(), r.reason(), withoutNul(r.payload())})
                    .toList());
        }
        return new WriteResult(fresh.size(), events.size() - fresh.size(), rejections.size());
    }

    private List<DossierEvent> claimNewIds(List<DossierEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        String[] ids = events.stream().map(DossierEvent::id).toArray(String[]::new);
        Set<String> claimed = new HashSet<>(jdbc.queryForList(CLAIM_IDS, String.class,
                TelemetryKind.DOSSIER.wireName(), ids));
        List<DossierEvent> fresh = new ArrayList<>(claimed.size());
        for (DossierEvent e : events) {
            // remove() keeps only the first of two events with one id in the same batch
            if (claimed.remove(e.id())) {
                fresh.add(e);
            }
        }
        return fresh;
    }

    private static List<Object[]> rows(List<DossierEvent> events, DossierStep step) {
        return events.stream().filter(e -> e.step() == step).map(e -> switch (step) {
            case RECEIVED -> new Object[] {e.province(), e.dossierId(), e.commune(), e.procedureCode(), ts(e.ts()),
                    wire(e.channel()), e.fullProcess(), ts(e.dueAt()), e.digitized(), wire(e.payment())};
            case COMPLETED -> new Object[] {e.province(), e.dossierId(), e.commune(), e.procedureCode(), ts(e.ts()),
                    e.eResult(), e.eSigned()};
            case CANCELLED -> new Object[] {e.province(), e.dossierId(), e.commune(), e.procedureCode(), ts(e.ts())};
        }).toList();
    }

    private static Object[] rawRow(DossierEvent e) {
        return new Object[] {e.id(), ts(e.ts()), e.province(), e.commune(), e.dossierId(), e.procedureCode(),
                wire(e.step()), wire(e.channel()), e.fullProcess(), ts(e.dueAt()), e.digitized(), wire(e.payment()),
                e.eResult(), e.eSigned()};
    }

    private static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable String wire(@Nullable Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    // PostgreSQL text cannot hold NUL; a dead letter must still be kept.
    private static String withoutNul(String payload) {
        return payload.replace("\u0000", "\\u0000");
    }
}
