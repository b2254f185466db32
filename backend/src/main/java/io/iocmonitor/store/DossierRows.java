package io.iocmonitor.store;

import static io.iocmonitor.store.ArrayColumns.booleans;
import static io.iocmonitor.store.ArrayColumns.text;
import static io.iocmonitor.store.ArrayColumns.times;
import static io.iocmonitor.store.ArrayColumns.wire;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

import io.iocmonitor.kpi.RollupCounts;
import io.iocmonitor.telemetry.Channel;
import io.iocmonitor.telemetry.DossierEvent;
import io.iocmonitor.telemetry.Payment;
import io.iocmonitor.telemetry.WireNames;

/**
 * Raw dossier events and the dossier table they merge into, noting what each merge changed in the rollups and in
 * the open-dossier snapshots. A dossier is province + dossierId; for each step its earliest event (by ts) counts, whatever order
 * the events arrive in, so a batch is first reduced to each dossier's earliest event per step, and one statement
 * then touches each dossier's row at most once.
 */
final class DossierRows {

    private static final String COPY_RAW = """
            COPY dossier_event (event_id, ts, province, commune, dossier_id, procedure_code, event, channel,
                                full_process, due_at, digitized, payment, e_result, e_signed) FROM STDIN""";

    // The received step's columns, then the completed step's: each step's columns change together, when its event
    // is the dossier's earliest of that step so far.
    private static final List<String> RECEIVED_COLUMNS = List.of("commune", "procedure_code", "received_ts",
            "channel", "full_process", "due_at", "digitized", "payment");
    private static final List<String> COMPLETED_COLUMNS = List.of("completed_ts", "e_result", "e_signed");

    // A dossier row's version, as the open-dossier marks and the rollups read it.
    private static final List<String> VERSION_COLUMNS = List.of("commune", "procedure_code", "received_ts",
            "channel", "full_process", "due_at", "digitized", "payment", "completed_ts", "e_result", "e_signed",
            "cancelled_ts");

    private static final String RECEIVED_WINS = "EXCLUDED.received_ts < dossier.received_ts"
            + " OR (dossier.received_ts IS NULL AND EXCLUDED.received_ts IS NOT NULL)";
    private static final String COMPLETED_WINS = "EXCLUDED.completed_ts < dossier.completed_ts"
            + " OR (dossier.completed_ts IS NULL AND EXCLUDED.completed_ts IS NOT NULL)";
    private static final String CANCELLED_WINS = "EXCLUDED.cancelled_ts < dossier.cancelled_ts"
            + " OR (dossier.cancelled_ts IS NULL AND EXCLUDED.cancelled_ts IS NOT NULL)";

    // One row operation per dossier and batch, whichever of its steps the batch holds: a received and completed
    // arriving together (a collector's backlog, a same-day dossier) make one row version, not two. A completed may
    // arrive before its received: the row is created and joined when the received comes. Each changed row comes
    // back with what it replaced (all null for a new row): the open-dossier marks and the rollups need both.
    private static final String MERGE = """
            INSERT INTO dossier (province, dossier_id, commune, procedure_code, received_ts, channel, full_process,
                                 due_at, digitized, payment, completed_ts, e_result, e_signed, cancelled_ts)
            SELECT unnest(?::text[]), unnest(?::text[]), unnest(?::text[]), unnest(?::text[]),
                   unnest(?::timestamptz[]), unnest(?::text[]), unnest(?::boolean[]), unnest(?::timestamptz[]),
                   unnest(?::boolean[]), unnest(?::text[]), unnest(?::timestamptz[]), unnest(?::boolean[]),
                   unnest(?::boolean[]), unnest(?::timestamptz[])
            ON CONFLICT (province, dossier_id) DO UPDATE SET
            """ + takeIf(RECEIVED_WINS, RECEIVED_COLUMNS) + ",\n" + takeIf(COMPLETED_WINS, COMPLETED_COLUMNS) + ",\n"
            + takeIf(CANCELLED_WINS, List.of("cancelled_ts")) + """
            ,
            """ + VERSION_COLUMNS.stream().map(c -> "    replaced_%s = dossier.%s".formatted(c, c))
                    .collect(Collectors.joining(",\n")) + """

            WHERE (%s) OR (%s) OR (%s)
            RETURNING province, """.formatted(RECEIVED_WINS, COMPLETED_WINS, CANCELLED_WINS)
            + VERSION_COLUMNS.stream().map(c -> c + ", replaced_" + c).collect(Collectors.joining(", "));

    private static final Comparator<Steps> BY_DOSSIER = (a, b) -> {
        int byProvince = a.province().compareTo(b.province());
        return byProvince != 0 ? byProvince : a.dossierId().compareTo(b.dossierId());
    };

    private final JdbcTemplate jdbc;

    DossierRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the raw events and merges them; adds to {@code rollups} what the merges changed in the daily and monthly
     * rollups, and to {@code changedDayEnds} the past days whose end-of-day open counts they changed.
     */
    void write(List<DossierEvent> events, LocalDate today, RollupDeltas rollups, Set<ProvinceDay> changedDayEnds) {
        if (events.isEmpty()) {
            return;
        }
        CopyRows raw = new CopyRows();
        for (DossierEvent e : events) {
            raw.text(e.id()).time(e.ts()).text(e.province()).text(e.commune()).text(e.dossierId())
                    .text(e.procedureCode()).wire(e.step()).wire(e.channel()).bool(e.fullProcess()).time(e.dueAt())
                    .bool(e.digitized()).wire(e.payment()).bool(e.eResult()).bool(e.eSigned()).end();
        }
        raw.copy(jdbc, COPY_RAW);
        List<Steps> merged = stepsPerDossier(events);
        jdbc.query(MERGE, rs -> {
            String province = rs.getString("province");
            RollupCounts.Dossier before = version(rs, "replaced_");
            RollupCounts.Dossier after = version(rs, "");
            OpenDayEnds.changed(province, open(before, rs, "replaced_"), open(after, rs, ""), today, changedDayEnds);
            rollups.changed(province, before, after);
        }, text(merged, Steps::province), text(merged, Steps::dossierId), text(merged, Steps::commune),
                text(merged, Steps::procedureCode), times(merged, of(Steps::received, DossierEvent::ts)),
                wire(merged, of(Steps::received, DossierEvent::channel)),
                booleans(merged, of(Steps::received, DossierEvent::fullProcess)),
                times(merged, of(Steps::received, DossierEvent::dueAt)),
                booleans(merged, of(Steps::received, DossierEvent::digitized)),
                wire(merged, of(Steps::received, DossierEvent::payment)),
                times(merged, of(Steps::completed, DossierEvent::ts)),
                booleans(merged, of(Steps::completed, DossierEvent::eResult)),
                booleans(merged, of(Steps::completed, DossierEvent::eSigned)),
                times(merged, of(Steps::cancelled, DossierEvent::ts)));
    }

    /** {@code column = CASE WHEN wins THEN EXCLUDED.column ELSE dossier.column END} for each column. */
    private static String takeIf(String wins, List<String> columns) {
        return columns.stream()
                .map(c -> "    %s = CASE WHEN %s THEN EXCLUDED.%s ELSE dossier.%s END".formatted(c, wins, c, c))
                .collect(Collectors.joining(",\n"));
    }

    /** A dossier's earliest event of each step in one batch; its commune and procedure are its received's. */
    record Steps(@Nullable DossierEvent received, @Nullable DossierEvent completed, @Nullable DossierEvent cancelled) {

        private DossierEvent any() {
            return Objects.requireNonNull(received != null ? received : completed != null ? completed : cancelled);
        }

        String province() {
            return any().province();
        }

        String dossierId() {
            return any().dossierId();
        }

        String commune() {
            return any().commune();
        }

        String procedureCode() {
            return any().procedureCode();
        }

        Steps with(DossierEvent e) {
            return switch (e.step()) {
                case RECEIVED -> new Steps(earliest(received, e), completed, cancelled);
                case COMPLETED -> new Steps(received, earliest(completed, e), cancelled);
                case CANCELLED -> new Steps(received, completed, earliest(cancelled, e));
            };
        }

        private static DossierEvent earliest(@Nullable DossierEvent kept, DossierEvent e) {
            return kept == null || e.ts().isBefore(kept.ts()) ? e : kept;
        }
    }

    private record DossierKey(String province, String dossierId) {
    }

    /** Each dossier's earliest event per step, in key order (so that concurrent writers lock rows alike). */
    static List<Steps> stepsPerDossier(List<DossierEvent> events) {
        Map<DossierKey, Steps> steps = new HashMap<>();
        for (DossierEvent e : events) {
            steps.merge(new DossierKey(e.province(), e.dossierId()), new Steps(null, null, null).with(e),
                    (kept, one) -> kept.with(e));
        }
        List<Steps> sorted = new ArrayList<>(steps.values());
        sorted.sort(BY_DOSSIER);
        return sorted;
    }

    /** A field of one step's event, null where the batch holds no such event. */
    private static <R> Function<Steps, @Nullable R> of(Function<Steps, @Nullable DossierEvent> step,
            Function<DossierEvent, @Nullable R> field) {
        return s -> {
            DossierEvent e = step.apply(s);
            return e == null ? null : field.apply(e);
        };
    }

    /** A returned row's version ({@code prefix} "") or the one it replaced ("replaced_"), for the rollups. */
    private static RollupCounts.Dossier version(ResultSet rs, String prefix) throws SQLException {
        return new RollupCounts.Dossier(rs.getString(prefix + "commune"), rs.getString(prefix + "procedure_code"),
                instant(rs.getTimestamp(prefix + "received_ts")),
                WireNames.parse(Channel.class, rs.getString(prefix + "channel")), bool(rs, prefix + "full_process"),
                instant(rs.getTimestamp(prefix + "due_at")), bool(rs, prefix + "digitized"),
                WireNames.parse(Payment.class, rs.getString(prefix + "payment")),
                instant(rs.getTimestamp(prefix + "completed_ts")), bool(rs, prefix + "e_result"),
                bool(rs, prefix + "e_signed"));
    }

    /** A version as the open-dossier counts see it: closed by the earlier of its completed and cancelled. */
    private static OpenDayEnds.Version open(RollupCounts.Dossier d, ResultSet rs, String prefix) throws SQLException {
        return new OpenDayEnds.Version(d.received(), d.dueAt(),
                earlier(d.completed(), instant(rs.getTimestamp(prefix + "cancelled_ts"))));
    }

    private static @Nullable Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
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
}
