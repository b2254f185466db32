package io.iocmonitor.kpi;

import static io.iocmonitor.kpi.SqlTimes.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.iocmonitor.base.Ict;

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

    // Calendar groupings: a dossier's received and completed may fall in different buckets, and open dossiers are
    // judged at the end of each bucket (or now, or the period's end, whichever is first). %1$s and %2$s are the
    // bucket expressions of received_ts and completed_ts.
    private static final String CALENDAR_COUNTS = """
            WITH b AS (
                SELECT to_char(s, 'YYYY-MM-DD') AS key,
                       LEAST((s + CAST(:step AS interval)) AT TIME ZONE 'Asia/Ho_Chi_Minh', :m) AS m
                FROM generate_series(CAST(:first AS timestamp), CAST(:last AS timestamp), CAST(:step AS interval)) AS s
            ), r AS (
                SELECT %1$s AS key, count(*) AS received,
                       count(*) FILTER (WHERE channel = 'online') AS received_online,
                       count(*) FILTER (WHERE digitized) AS digitized,
                       count(*) FILTER (WHERE payment <> 'none') AS payment_due,
                       count(*) FILTER (WHERE payment = 'online') AS paid_online
                FROM dossier
                WHERE received_ts >= :from AND received_ts < :to
                  AND (CAST(:province AS text) IS NULL OR province = :province)
                GROUP BY 1
            ), c AS (
                SELECT %2$s AS key, count(*) AS completed,
                       count(*) FILTER (WHERE channel = 'online' AND full_process
                                        AND payment IN ('online', 'none') AND e_result) AS fully_online,
                       count(*) FILTER (WHERE completed_ts <= due_at) AS on_time,
                       count(*) FILTER (WHERE completed_ts > due_at) AS overdue_completed,
                       count(*) FILTER (WHERE e_result) AS e_result,
                       count(*) FILTER (WHERE e_signed) AS e_signed
                FROM dossier
                WHERE completed_ts >= :from AND completed_ts < :to
                  AND (CAST(:province AS text) IS NULL OR province = :province)
                GROUP BY 1
            ), o AS (
                SELECT b.key, count(*) AS overdue_open
                FROM b JOIN dossier d
                  ON d.received_ts < b.m AND d.due_at < b.m
                 AND (d.completed_ts IS NULL OR d.completed_ts >= b.m)
                 AND (d.cancelled_ts IS NULL OR d.cancelled_ts >= b.m)
                WHERE CAST(:province AS text) IS NULL OR d.province = :province
                GROUP BY b.key
            )
            SELECT b.key,
                   coalesce(r.received, 0) AS received, coalesce(r.received_online, 0) AS received_online,
                   coalesce(r.digitized, 0) AS digitized, coalesce(r.payment_due, 0) AS payment_due,
                   coalesce(r.paid_online, 0) AS paid_online, coalesce(c.completed, 0) AS completed,
                   coalesce(c.fully_online, 0) AS fully_online, coalesce(c.on_time, 0) AS on_time,
                   coalesce(c.overdue_completed, 0) AS overdue_completed, coalesce(o.overdue_open, 0) AS overdue_open,
                   coalesce(c.e_result, 0) AS e_result, coalesce(c.e_signed, 0) AS e_signed
            FROM b LEFT JOIN r USING (key) LEFT JOIN c USING (key) LEFT JOIN o USING (key)
            ORDER BY b.key""";

    private final JdbcClient jdbc;

    DossierKpiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DossierCounts> counts(KpiQuery query, Instant openAt, @Nullable String province) {
        GroupBy groupBy = query.groupBy();
        JdbcClient.StatementSpec statement;
        if (groupBy.isCalendar()) {
            LocalDate first = CalendarBuckets.start(groupBy, query.from());
            LocalDate last = CalendarBuckets.start(groupBy, query.to().minusDays(1));
            statement = jdbc.sql(CALENDAR_COUNTS.formatted(keyExpression(groupBy, "received_ts"),
                            keyExpression(groupBy, "completed_ts")))
                    .param("first", first.atStartOfDay())
                    .param("last", last.atStartOfDay())
                    .param("step", "1 " + groupBy.wireName());
        } else {
            statement = jdbc.sql(COUNTS.formatted(keyExpression(groupBy, "ts")));
        }
        return statement
                .param("from", utc(Ict.startOf(query.from())))
                .param("to", utc(Ict.startOf(query.to())))
                .param("m", utc(openAt))
                .param("province", province)
                .query((rs, i) -> new DossierCounts(rs.getString("key"), rs.getLong("received"),
                        rs.getLong("received_online"), rs.getLong("digitized"), rs.getLong("payment_due"),
                        rs.getLong("paid_online"), rs.getLong("completed"), rs.getLong("fully_online"),
                        rs.getLong("on_time"), rs.getLong("overdue_completed"), rs.getLong("overdue_open"),
                        rs.getLong("e_result"), rs.getLong("e_signed")))
                .list();
    }

    /** The SQL that keys a row; calendar buckets are of the given timestamp column, in ICT. */
    static String keyExpression(GroupBy groupBy, String tsColumn) {
        return switch (groupBy) {
            case NONE -> "'all'";
            case PROVINCE -> "province";
            case COMMUNE -> "commune";
            case PROCEDURE -> "procedure_code";
            case DAY, WEEK, MONTH -> "to_char(date_trunc('" + groupBy.wireName() + "', " + tsColumn
                    + " AT TIME ZONE 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD')";
        };
    }

}
