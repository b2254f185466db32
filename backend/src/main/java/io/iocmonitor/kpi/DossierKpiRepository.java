package io.iocmonitor.kpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.iocmonitor.base.Ict;

/**
 * Dossier counts per key: the period counts from the daily rollups ({@link DossierRollups}); the open-dossier
 * counts (overdue, nearly overdue) at the moment each key is judged at, from the end-of-day snapshots for past days'
 * ends and from the dossier table for now, through the indexes that touch only the dossiers open or overdue then.
 */
@Repository
class DossierKpiRepository {

    // %1$s: the key expression, %2$s: the period (bucket within the key) or NULL, %3$s: the rollup rows (see
    // rollupRows), whose second column, day or month, is named day. All chosen in code, never from input.
    private static final String PERIOD_COUNTS = """
            SELECT %1$s AS key, %2$s AS period,
                   sum(received) AS received, sum(received_online) AS received_online, sum(digitized) AS digitized,
                   sum(payment_due) AS payment_due, sum(paid_online) AS paid_online, sum(completed) AS completed,
                   sum(fully_online) AS fully_online, sum(on_time) AS on_time,
                   sum(overdue_completed) AS overdue_completed, sum(e_result) AS e_result, sum(e_signed) AS e_signed
            FROM (%3$s) AS r (province, day)
            GROUP BY 1, 2""";

    // Open dossiers judged at moments m, one per key: overdue (m in (due_at, closed]) and nearly overdue (open at m,
    // due in [m, m + 24 h)). %1$s is the key and %2$s the period: a code column, the bucket (b.bucket) or NULL;
    // %3$s the province condition.
    private static final String OPEN_COUNTS = """
            WITH b AS (SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS timestamptz[])) AS b(bucket, m))
            SELECT key, period, count(*) FILTER (WHERE overdue) AS overdue_open,
                   count(*) FILTER (WHERE NOT overdue) AS nearly_overdue
            FROM (
                SELECT %1$s AS key, %2$s AS period, true AS overdue
                FROM b CROSS JOIN LATERAL (
                    -- OFFSET 0: filter the few overdue rows, rather than intersect with a scan of the province index
                    SELECT * FROM dossier
                    WHERE due_at < COALESCE(LEAST(completed_ts, cancelled_ts), 'infinity')
                      AND tstzrange(due_at, LEAST(completed_ts, cancelled_ts), '(]') @> b.m
                    OFFSET 0) AS d
                WHERE d.received_ts < b.m AND %3$s
                UNION ALL
                SELECT %1$s, %2$s, false
                FROM b CROSS JOIN LATERAL (
                    -- the day's deadlines through the due_at index, whatever the plan makes of the province
                    SELECT * FROM dossier WHERE due_at >= b.m AND due_at < b.m + interval '24 hours' OFFSET 0) AS d
                WHERE d.received_ts < b.m AND (d.completed_ts IS NULL OR d.completed_ts >= b.m)
                  AND (d.cancelled_ts IS NULL OR d.cancelled_ts >= b.m) AND %3$s
            ) o
            GROUP BY key, period""";

    // The same counts at the ends of past days, from the snapshots DossierRollups keeps. %1$s key, %2$s period,
    // %3$s the grain, %4$s the province condition.
    private static final String OPEN_AT_DAY_ENDS = """
            SELECT %1$s AS key, %2$s AS period, sum(overdue_open) AS overdue_open,
                   sum(nearly_overdue) AS nearly_overdue
            FROM unnest(CAST(? AS text[]), CAST(? AS date[])) AS b(bucket, ended_day)
            JOIN dossier_open_%3$s s ON s.day = b.ended_day
            WHERE %4$s
            GROUP BY 1, 2""";

    private final JdbcClient jdbc;

    DossierKpiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The counts of the query's period per key; open dossiers are judged at the end of each calendar bucket, or of
     * the period, or at {@code openAt} if that is earlier.
     */
    List<DossierCounts> counts(KpiQuery query, Instant openAt, @Nullable String province) {
        GroupBy groupBy = query.groupBy();
        String key = groupBy.isCalendar() ? keyExpression(groupBy, "day::timestamp") : keyExpression(groupBy, "");
        String period = query.per() == null ? "NULL" : keyExpression(query.per(), "day::timestamp");
        List<Object> params = new ArrayList<>();
        String source = rollupRows(grain(groupBy), RollupSpans.of(query.calendar(), query.from(), query.to()),
                province, params);
        List<DossierCounts> rows = jdbc.sql(PERIOD_COUNTS.formatted(key, period, source))
                .params(params)
                .query((rs, i) -> periodCounts(rs))
                .list();
        Map<List<String>, long[]> open = openCounts(query, openAt, province);
        List<DossierCounts> withOpen = new ArrayList<>(rows.size());
        for (DossierCounts row : rows) {
            long[] o = open.remove(Arrays.asList(row.key(), row.period()));
            withOpen.add(o == null ? row : row.withOpen(o[0], o[1]));
        }
        // keys with open dossiers but nothing received or completed in the period
        open.forEach((k, o) -> withOpen.add(DossierCounts.zero(k.get(0), k.get(1)).withOpen(o[0], o[1])));
        return withOpen;
    }

    /**
     * Open dossiers at the end of each bucket (or at {@code openAt}, if earlier): a moment that starts a day that has
     * begun is the end of a past day and read from its snapshot; any other moment (now) is counted live.
     */
    private Map<List<String>, long[]> openCounts(KpiQuery query, Instant openAt, @Nullable String province) {
        GroupBy calendar = query.calendar();
        List<String> liveBuckets = new ArrayList<>();
        List<String> liveMoments = new ArrayList<>();
        List<String> endedBuckets = new ArrayList<>();
        List<String> endedDays = new ArrayList<>();
        List<LocalDate> starts = calendar == null ? List.of(query.from())
                : CalendarBuckets.starts(calendar, query.from(), query.to());
        for (LocalDate start : starts) {
            LocalDate end = calendar == null ? query.to() : CalendarBuckets.next(calendar, start);
            Instant bucketEnd = Ict.startOf(end.isAfter(query.to()) ? query.to() : end);
            Instant m = bucketEnd.isBefore(openAt) ? bucketEnd : openAt;
            String bucket = calendar == null ? "all" : start.toString();
            LocalDate day = Ict.dateOf(m);
            if (m.equals(Ict.startOf(day))) {
                endedBuckets.add(bucket);
                endedDays.add(day.minusDays(1).toString());
            } else {
                liveBuckets.add(bucket);
                liveMoments.add(m.toString());
            }
        }
        GroupBy groupBy = query.groupBy();
        String key = groupBy.isCalendar() ? "b.bucket" : keyExpression(groupBy, "");
        String period = query.per() != null ? "b.bucket" : "NULL";
        Map<List<String>, long[]> open = new HashMap<>();
        RowCallbackHandler collect = rs -> open.put(Arrays.asList(rs.getString("key"), rs.getString("period")),
                new long[] {rs.getLong("overdue_open"), rs.getLong("nearly_overdue")});
        if (!endedBuckets.isEmpty()) {
            jdbc.sql(OPEN_AT_DAY_ENDS.formatted(key, period, grain(groupBy), provinceCondition("s.province", province)))
                    .params(withProvince(province, endedBuckets.toArray(String[]::new),
                            endedDays.toArray(String[]::new)))
                    .query(collect);
        }
        if (!liveBuckets.isEmpty()) {
            String only = provinceCondition("d.province", province);
            List<Object> params = new ArrayList<>(List.of(liveBuckets.toArray(String[]::new),
                    liveMoments.toArray(String[]::new)));
            if (province != null) {
                params.add(province);
                params.add(province);
            }
            jdbc.sql(OPEN_COUNTS.formatted(key, period, only))
                    .params(params)
                    .query(collect);
        }
        return open;
    }

    /**
     * The rollup rows of the spans, whole months from the monthly rollups (a month row stands for its first day: a
     * bucket of whole months starts on one), adding their parameters to {@code params}. The
     * province condition is written only when a province is given: a condition "? IS NULL OR province = ?" would
     * keep a prepared statement's generic plan off the province index.
     */
    private static String rollupRows(String grain, RollupSpans spans, @Nullable String province,
            List<Object> params) {
        List<String> parts = new ArrayList<>();
        for (RollupSpans.Range days : spans.days()) {
            parts.add("SELECT * FROM dossier_day_" + grain + " WHERE day >= ? AND day < ? AND "
                    + provinceCondition("province", province));
            params.addAll(Arrays.asList(withProvince(province, days.from(), days.to())));
        }
        RollupSpans.Range months = spans.months();
        if (months != null) {
            parts.add("SELECT * FROM dossier_month_" + grain + " WHERE month >= ? AND month < ? AND "
                    + provinceCondition("province", province));
            params.addAll(Arrays.asList(withProvince(province, months.from(), months.to())));
        }
        return String.join(" UNION ALL ", parts);
    }

    private static String provinceCondition(String column, @Nullable String province) {
        return province == null ? "TRUE" : column + " = ?";
    }

    private static Object[] withProvince(@Nullable String province, Object... params) {
        if (province == null) {
            return params;
        }
        Object[] all = Arrays.copyOf(params, params.length + 1);
        all[params.length] = province;
        return all;
    }

    private static DossierCounts periodCounts(ResultSet rs) throws SQLException {
        return new DossierCounts(rs.getString("key"), rs.getString("period"), rs.getLong("received"), rs.getLong("received_online"),
                rs.getLong("digitized"), rs.getLong("payment_due"), rs.getLong("paid_online"),
                rs.getLong("completed"), rs.getLong("fully_online"), rs.getLong("on_time"),
                rs.getLong("overdue_completed"), 0, 0, rs.getLong("e_result"), rs.getLong("e_signed"));
    }

    /** The rollup table that holds the grouping: per commune, per procedure, or per province for the rest. */
    static String grain(GroupBy groupBy) {
        return switch (groupBy) {
            case COMMUNE -> "commune";
            case PROCEDURE -> "procedure";
            default -> "province";
        };
    }

    /**
     * The SQL that keys a row: a code column, or a calendar bucket (its first day) of the given local time, e.g.
     * {@code day::timestamp} for the rollups or {@code ts AT TIME ZONE 'Asia/Ho_Chi_Minh'} for raw events.
     */
    static String keyExpression(GroupBy groupBy, String localTime) {
        return switch (groupBy) {
            case NONE -> "'all'";
            case PROVINCE -> "province";
            case COMMUNE -> "commune";
            case PROCEDURE -> "procedure_code";
            case DAY, WEEK, MONTH, QUARTER, YEAR -> "to_char(date_trunc('" + groupBy.wireName() + "', " + localTime
                    + "), 'YYYY-MM-DD')";
        };
    }
}
