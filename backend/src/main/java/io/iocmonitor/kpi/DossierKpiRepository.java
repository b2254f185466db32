package io.iocmonitor.kpi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts dossiers per key over the merged {@code dossier} table. */
@Repository
class DossierKpiRepository {

    // %s is the grouping expression, chosen from GroupBy, never from input. Parameters: from, to (the period),
    // m (the moment open dossiers are judged at), province filter twice.
    private static final String COUNTS = """
            WITH d AS (
                SELECT %s AS key, *,
                       received_ts >= :from AND received_ts < :to AS in_received,
                       completed_ts >= :from AND completed_ts < :to AS in_completed
                FROM dossier
                WHERE (CAST(:province AS text) IS NULL OR province = :province)
                  AND ((received_ts >= :from AND received_ts < :to)
                    OR (completed_ts >= :from AND completed_ts < :to)
                    OR (received_ts < :m AND due_at < :m))
            )
            SELECT key,
                   count(*) FILTER (WHERE in_received) AS received,
                   count(*) FILTER (WHERE in_received AND channel = 'online') AS received_online,
                   count(*) FILTER (WHERE in_received AND digitized) AS digitized,
                   count(*) FILTER (WHERE in_received AND payment <> 'none') AS payment_due,
                   count(*) FILTER (WHERE in_received AND payment = 'online') AS paid_online,
                   count(*) FILTER (WHERE in_completed) AS completed,
                   count(*) FILTER (WHERE in_completed AND channel = 'online' AND full_process
                                    AND payment IN ('online', 'none') AND e_result) AS fully_online,
                   count(*) FILTER (WHERE in_completed AND completed_ts <= due_at) AS on_time,
                   count(*) FILTER (WHERE in_completed AND completed_ts > due_at) AS overdue_completed,
                   count(*) FILTER (WHERE received_ts < :m AND due_at < :m
                                    AND (completed_ts IS NULL OR completed_ts >= :m)
                                    AND (cancelled_ts IS NULL OR cancelled_ts >= :m)) AS overdue_open,
                   count(*) FILTER (WHERE in_completed AND e_result) AS e_result,
                   count(*) FILTER (WHERE in_completed AND e_signed) AS e_signed
            FROM d
            GROUP BY key
            ORDER BY key""";

    private final JdbcClient jdbc;

    DossierKpiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DossierCounts> counts(GroupBy groupBy, Instant from, Instant to, Instant openAt, @Nullable String province) {
        return jdbc.sql(COUNTS.formatted(keyExpression(groupBy)))
                .param("from", utc(from))
                .param("to", utc(to))
                .param("m", utc(openAt))
                .param("province", province)
                .query((rs, i) -> new DossierCounts(rs.getString("key"), rs.getLong("received"),
                        rs.getLong("received_online"), rs.getLong("digitized"), rs.getLong("payment_due"),
                        rs.getLong("paid_online"), rs.getLong("completed"), rs.getLong("fully_online"),
                        rs.getLong("on_time"), rs.getLong("overdue_completed"), rs.getLong("overdue_open"),
                        rs.getLong("e_result"), rs.getLong("e_signed")))
                .list();
    }

    private static String keyExpression(GroupBy groupBy) {
        return switch (groupBy) {
            case NONE -> "'all'";
            case PROVINCE -> "province";
            case COMMUNE -> "commune";
            case PROCEDURE -> "procedure_code";
        };
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
