package io.iocmonitor.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
        return rows.stream().map(column).map(t -> t == null ? null : iso(t)).toArray(String[]::new);
    }

    /**
     * An instant as ISO 8601 in UTC, with nine decimals when it has any ({@link Instant#toString()} writes three, six
     * or nine; PostgreSQL reads both alike), by arithmetic instead of a {@code DateTimeFormatter}, which took a tenth
     * of the writer's time.
     */
    static String iso(Instant t) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 1000 || utc.getYear() > 9999) {
            return t.toString();
        }
        char[] c = new char[t.getNano() == 0 ? 20 : 30];
        digits(c, 0, utc.getYear(), 4);
        c[4] = '-';
        digits(c, 5, utc.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, utc.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, utc.getHour(), 2);
        c[13] = ':';
        digits(c, 14, utc.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, utc.getSecond(), 2);
        if (t.getNano() != 0) {
            c[19] = '.';
            digits(c, 20, t.getNano(), 9);
        }
        c[c.length - 1] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
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
