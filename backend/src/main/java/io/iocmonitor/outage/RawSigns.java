package io.iocmonitor.outage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Signs of life looked up in the raw events of every kind, for what the runs do not keep. */
@Repository
class RawSigns {

    private static final String NEXT_SIGN = """
            SELECT min(ts) FROM (
                SELECT min(ts) AS ts FROM heartbeat_event WHERE province = :p AND commune = :c AND ts > :after AND ts <= :until
                UNION ALL SELECT min(ts) FROM probe_event WHERE province = :p AND commune = :c AND ts > :after AND ts <= :until
                UNION ALL SELECT min(ts) FROM vneid_event WHERE province = :p AND commune = :c AND ts > :after AND ts <= :until
                UNION ALL SELECT min(ts) FROM sync_event WHERE province = :p AND commune = :c AND ts > :after AND ts <= :until
                UNION ALL SELECT min(ts) FROM dossier_event WHERE province = :p AND commune = :c AND ts > :after AND ts <= :until
            ) AS signs""";

    private final JdbcClient jdbc;

    RawSigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first sign of life of a site in {@code (after, until]}, of any kind (a will too), or null. */
    @Nullable Instant next(String province, String commune, Instant after, Instant until) {
        OffsetDateTime next = jdbc.sql(NEXT_SIGN).param("p", province).param("c", commune)
                .param("after", after.atOffset(ZoneOffset.UTC)).param("until", until.atOffset(ZoneOffset.UTC))
                .query(OffsetDateTime.class).single();
        return next == null ? null : next.toInstant();
    }
}
