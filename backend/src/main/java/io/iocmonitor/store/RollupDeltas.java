package io.iocmonitor.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

import io.iocmonitor.base.Ict;
import io.iocmonitor.kpi.RollupCounts;

/**
 * What a batch's dossier merges change in the daily and monthly dossier rollups ({@code dossier_day_*},
 * {@code dossier_month_*}, per commune, procedure and province): each changed dossier adds what its new version counts
 * and takes away what its old version counted ({@link RollupCounts}). The old version is the row the merge locked, so
 * the rollups stay exact whatever order events arrive in and however many writers merge at once, at a cost that
 * grows with the events, not with how many dossiers their days hold.
 */
final class RollupDeltas {

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::province).thenComparing(Key::period)
            .thenComparing(Key::key);

    /** A rollup row: province, day or month, and its commune or procedure ("" for the province grain). */
    record Key(String province, LocalDate period, String key) {
    }

    /** The six rollup tables, each with its period column and the column that keys its rows within a province. */
    enum Table {
        DAY_COMMUNE("dossier_day_commune", "day", "commune"),
        DAY_PROCEDURE("dossier_day_procedure", "day", "procedure_code"),
        DAY_PROVINCE("dossier_day_province", "day", null),
        MONTH_COMMUNE("dossier_month_commune", "month", "commune"),
        MONTH_PROCEDURE("dossier_month_procedure", "month", "procedure_code"),
        MONTH_PROVINCE("dossier_month_province", "month", null);

        private final String upsert;
        private final String deleteEmpty;
        private final boolean monthly;
        private final @Nullable String keyColumn;

        Table(String name, String period, @Nullable String keyColumn) {
            this.monthly = period.equals("month");
            this.keyColumn = keyColumn;
            String keys = "province, " + period + (keyColumn == null ? "" : ", " + keyColumn);
            String keyValues = "unnest(?::text[]), unnest(?::date[])" + (keyColumn == null ? "" : ", unnest(?::text[])");
            // rows in the arrays' order, which is key order: concurrent writers lock them alike and never deadlock
            this.upsert = "INSERT INTO " + name + " AS r (" + keys + ", " + String.join(", ", RollupCounts.COLUMNS)
                    + ")\nSELECT " + keyValues + RollupCounts.COLUMNS.stream().map(c -> ", unnest(?::bigint[])")
                            .collect(Collectors.joining())
                    + "\nON CONFLICT (" + keys + ") DO UPDATE SET " + RollupCounts.COLUMNS.stream()
                            .map(c -> c + " = r." + c + " + EXCLUDED." + c).collect(Collectors.joining(", "));
            // a row that no longer counts anything received or completed goes, as a recomputation would leave it out
            this.deleteEmpty = "DELETE FROM " + name + " r USING (SELECT " + keyValues + ") AS x(" + keys + ")\n"
                    + "WHERE r.province = x.province AND r." + period + " = x." + period
                    + (keyColumn == null ? "" : " AND r." + keyColumn + " = x." + keyColumn)
                    + " AND r.received = 0 AND r.completed = 0";
        }

        String upsert() {
            return upsert;
        }

        String deleteEmpty() {
            return deleteEmpty;
        }

        private Key key(Cell cell) {
            LocalDate period = monthly ? cell.day().withDayOfMonth(1) : cell.day();
            String key = keyColumn == null ? "" : keyColumn.equals("commune") ? cell.commune() : cell.procedure();
            return new Key(cell.province(), period, key);
        }
    }

    /** The finest grain the rollups are summed from: province, day, commune and procedure. */
    private record Cell(String province, LocalDate day, String commune, String procedure) {
    }

    // hashed while the batch is read (a lookup per step of a changed dossier), sorted into tables when written
    private final Map<Cell, long[]> cells = new HashMap<>();

    /** A dossier of {@code province} changed from {@code before} to {@code after}. */
    void changed(String province, RollupCounts.Dossier before, RollupCounts.Dossier after) {
        add(province, before, -1);
        add(province, after, 1);
    }

    private void add(String province, RollupCounts.Dossier d, int sign) {
        add(province, d.received(), d, RollupCounts::onReceivedDay, sign);
        add(province, d.completed(), d, RollupCounts::onCompletedDay, sign);
    }

    private void add(String province, @Nullable Instant ts, RollupCounts.Dossier d,
            Function<RollupCounts.Dossier, long[]> counts, int sign) {
        if (ts == null) {
            return;
        }
        long[] added = counts.apply(d);
        Cell cell = new Cell(province, Ict.dateOf(ts), Objects.requireNonNull(d.commune()),
                Objects.requireNonNull(d.procedureCode()));
        add(cells.computeIfAbsent(cell, c -> new long[added.length]), added, sign);
    }

    private static void add(long[] sums, long[] added, int sign) {
        for (int i = 0; i < added.length; i++) {
            sums[i] += sign * added[i];
        }
    }

    /** The changes of one table that change something, in key order. */
    Map<Key, long[]> of(Table table) {
        Map<Key, long[]> rows = new TreeMap<>(ORDER);
        cells.forEach((cell, sums) -> add(rows.computeIfAbsent(table.key(cell), k -> new long[sums.length]), sums, 1));
        rows.values().removeIf(sums -> Arrays.stream(sums).allMatch(sum -> sum == 0));
        return rows;
    }

    /** Applies the changes: table by table in a fixed order, each table's rows in key order. */
    void write(JdbcTemplate jdbc) {
        for (Table table : Table.values()) {
            List<Map.Entry<Key, long[]>> rows = new ArrayList<>(of(table).entrySet());
            if (rows.isEmpty()) {
                continue;
            }
            List<Object> args = keyColumns(table, rows);
            for (int i = 0; i < RollupCounts.COLUMNS.size(); i++) {
                int column = i;
                args.add(rows.stream().map(r -> r.getValue()[column]).toArray(Long[]::new));
            }
            jdbc.update(table.upsert(), args.toArray());
            List<Map.Entry<Key, long[]>> shrunk = rows.stream().filter(r -> r.getValue()[RollupCounts.RECEIVED] < 0
                    || r.getValue()[RollupCounts.COMPLETED] < 0).toList();
            if (!shrunk.isEmpty()) {
                jdbc.update(table.deleteEmpty(), keyColumns(table, shrunk).toArray());
            }
        }
    }

    private static List<Object> keyColumns(Table table, List<Map.Entry<Key, long[]>> rows) {
        List<Object> args = new ArrayList<>();
        args.add(rows.stream().map(r -> r.getKey().province()).toArray(String[]::new));
        args.add(rows.stream().map(r -> r.getKey().period().toString()).toArray(String[]::new));
        if (table.keyColumn != null) {
            args.add(rows.stream().map(r -> r.getKey().key()).toArray(String[]::new));
        }
        return args;
    }
}
