package io.iocmonitor.store;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.telemetry.WireNames;

/**
 * Column arrays for multi-row writes through {@code unnest(?::text[], …)}: one statement and one round trip per
 * table and batch, whatever the batch size. Timestamps travel as ISO text and are cast by PostgreSQL. The busiest
 * statements (every dossier event's) unnest in the select list, {@code SELECT unnest(?::text[]), unnest(…)}: that
 * streams the rows, where {@code FROM unnest(…)} first copies them all into a tuple store, which took twice as long
 * for 50,000 rows.
 */
final class ArrayColumns {

    private ArrayColumns() {
    }

    static <T> String[] text(List<T> rows, Function<T, @Nullable String> column) {
        return rows.stream().map(column).toArray(String[]::new);
    }

    static <T> String[] times(List<T> rows, Function<T, @Nullable Instant> column) {
        return rows.stream().map(column).map(t -> t == null ? null : t.toString()).toArray(String[]::new);
    }

    static <T> Boolean[] booleans(List<T> rows, Function<T, @Nullable Boolean> column) {
        return rows.stream().map(column).toArray(Boolean[]::new);
    }

    static <T> Long[] longs(List<T> rows, Function<T, @Nullable Long> column) {
        return rows.stream().map(column).toArray(Long[]::new);
    }

    /** Enum constants as on the wire: lower case, hyphens for underscores. */
    static <T> String[] wire(List<T> rows, Function<T, @Nullable Enum<?>> column) {
        return rows.stream().map(column)
                .map(e -> e == null ? null : WireNames.of(e))
                .toArray(String[]::new);
    }
}
