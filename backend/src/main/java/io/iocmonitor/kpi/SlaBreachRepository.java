package io.iocmonitor.kpi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lists the dossiers that {@link DossierKpiRepository} counts as overdue open and overdue completed. */
@Repository
class SlaBreachRepository {

    // The same conditions as the overdue_completed and overdue_open counts of DossierKpiRepository.COUNTS.
    private static final String BREACHES = """
            WITH b AS (
                SELECT *, coalesce(completed_ts >= :from AND completed_ts < :to AND completed_ts > due_at, false) AS late
                FROM dossier
                WHERE (CAST(:province AS text) IS NULL OR province = :province)
                  AND (CAST(:commune AS text) IS NULL OR commune = :commune)
                  AND ((completed_ts >= :from AND completed_ts < :to AND completed_ts > due_at)
                    OR (received_ts < :m AND due_at < :m
                        AND (completed_ts IS NULL OR completed_ts >= :m)
                        AND (cancelled_ts IS NULL OR cancelled_ts >= :m)))
            )
            SELECT province, commune, dossier_id, procedure_code, received_ts, due_at, completed_ts, late,
                   count(*) OVER () AS total
            FROM b
            ORDER BY late, due_at, province, dossier_id
            LIMIT :limit""";

    private final JdbcClient jdbc;

    SlaBreachRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SlaBreaches breaches(Instant from, Instant to, Instant openAt, @Nullable String province, @Nullable String commune,
            int limit) {
        long[] total = {0};
        var rows = jdbc.sql(BREACHES)
                .param("from", utc(from))
                .param("to", utc(to))
                .param("m", utc(openAt))
                .param("province", province)
                .param("commune", commune)
                .param("limit", limit)
                .query((rs, i) -> {
                    total[0] = rs.getLong("total");
                    boolean late = rs.getBoolean("late");
                    return new SlaBreach(rs.getString("province"), rs.getString("commune"), rs.getString("dossier_id"),
                            rs.getString("procedure_code"),
                            late ? SlaBreach.Kind.COMPLETED_LATE : SlaBreach.Kind.OVERDUE_OPEN,
                            rs.getObject("received_ts", OffsetDateTime.class).toInstant(),
                            rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                            late ? rs.getObject("completed_ts", OffsetDateTime.class).toInstant() : null);
                })
                .list();
        return new SlaBreaches(rows, total[0]);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
