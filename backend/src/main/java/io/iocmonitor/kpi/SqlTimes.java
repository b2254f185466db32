package io.iocmonitor.kpi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants bound as {@code timestamptz} parameters (PgJDBC takes OffsetDateTime, not Instant). */
final class SqlTimes {

    private SqlTimes() {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
