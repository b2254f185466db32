package io.iocmonitor.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import io.iocmonitor.telemetry.WireNames;

/**
 * Rows for {@code COPY … FROM STDIN} in PostgreSQL's text format, sent on the transaction's connection. For raw
 * events, which are only appended: COPY fills a page with many rows at once (one WAL record a page, not one a row)
 * and reads its input without an executor, where a multi-row INSERT cost several times as much of the database.
 */
final class CopyRows {

    private final StringBuilder out = new StringBuilder(4096);
    private boolean rowStarted;

    CopyRows text(@Nullable String value) {
        separate();
        if (value == null) {
            out.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return this;
    }

    CopyRows time(@Nullable Instant value) {
        return plain(value == null ? null : ArrayColumns.iso(value));
    }

    CopyRows bool(@Nullable Boolean value) {
        return plain(value == null ? null : value ? "t" : "f");
    }

    CopyRows number(@Nullable Number value) {
        return plain(value == null ? null : value.toString());
    }

    CopyRows wire(@Nullable Enum<?> value) {
        return text(value == null ? null : WireNames.of(value));
    }

    /** Ends the current row. */
    CopyRows end() {
        out.append('\n');
        rowStarted = false;
        return this;
    }

    /** Sends the rows with {@code copy}, a {@code COPY table (columns) FROM STDIN}; returns how many went in. */
    long copy(JdbcTemplate jdbc, String copy) {
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        Long rows = jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new SQLException("COPY input could not be read", e);
            }
        });
        return rows == null ? 0 : rows;
    }

    // a value known not to need escaping (digits, ISO times, t/f), or null
    private CopyRows plain(@Nullable String value) {
        separate();
        out.append(value == null ? "\\N" : value);
        return this;
    }

    private void separate() {
        if (rowStarted) {
            out.append('\t');
        }
        rowStarted = true;
    }
}
