package io.iocmonitor.kpi;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.iocmonitor.base.Ict;

/**
 * Counts VNeID attempts per key from the daily counts the writer keeps; latency percentiles of ok attempts as
 * PostgreSQL's {@code percentile_cont}, from the latency histograms per province (monthly for whole months, daily
 * for the days around them), or from the raw events for a grouping by commune, which the histograms do not keep.
 */
@Repository
class VneidKpiRepository {

    // %1$s: the key expression, %2$s: the province condition; both chosen in code, never from input. The condition
    // is written only when a province is given (a condition "? IS NULL OR …" keeps a generic plan off the index).
    private static final String COUNTS = """
            SELECT %1$s AS key, sum(attempts) AS attempts, sum(ok) AS ok
            FROM vneid_day
            WHERE day >= :from AND day < :to%2$s
            GROUP BY 1""";

    // The latencies at the two ranks around each percentile's position (0-based, q × (n − 1), in float8 as
    // percentile_cont computes it): the value at rank r is the least latency with more than r at or below it.
    // %1$s: the key expression, %2$s: the histogram rows (see histogramRows; latencies that only the days taken
    // away had sum to 0 and are left out).
    private static final String PERCENTILE_RANKS = """
            WITH h AS (
                SELECT %1$s AS key, latency_ms, sum(ok) AS n
                FROM (%2$s) AS r (province, day, latency_ms, ok)
                GROUP BY 1, 2
                HAVING sum(ok) > 0
            ), c AS (
                SELECT key, latency_ms, sum(n) OVER (PARTITION BY key ORDER BY latency_ms) AS upto,
                       sum(n) OVER (PARTITION BY key) AS total
                FROM h
            ), r AS (
                SELECT *, 0.5::float8 * (total - 1)::float8 AS h50, 0.95::float8 * (total - 1)::float8 AS h95 FROM c
            )
            SELECT key, min(total) AS total,
                   min(latency_ms) FILTER (WHERE upto > floor(h50)) AS p50_lower,
                   min(latency_ms) FILTER (WHERE upto > ceil(h50)) AS p50_upper,
                   min(latency_ms) FILTER (WHERE upto > floor(h95)) AS p95_lower,
                   min(latency_ms) FILTER (WHERE upto > ceil(h95)) AS p95_upper
            FROM r
            GROUP BY key""";

    private static final String COMMUNE_PERCENTILES = """
            SELECT commune AS key,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95
            FROM vneid_event
            WHERE ts >= :fromTs AND ts < :toTs AND result = 'ok'%2$s
            GROUP BY 1""";

    private final JdbcClient jdbc;

    VneidKpiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The logins of the ICT days {@code [from, to)} per key, ordered by key. */
    List<VneidCounts> counts(GroupBy groupBy, LocalDate from, LocalDate to, @Nullable String province) {
        String key = groupBy.isCalendar() ? DossierKpiRepository.keyExpression(groupBy, "day::timestamp")
                : DossierKpiRepository.keyExpression(groupBy, "");
        String only = province == null ? "" : " AND province = :province";
        Map<String, double[]> percentiles = groupBy == GroupBy.COMMUNE
                ? communePercentiles(from, to, province, only)
                : percentiles(key, RollupSpans.subtracting(groupBy.isCalendar() ? groupBy : null, from, to), province,
                        only);
        List<VneidCounts> rows = new ArrayList<>();
        withProvince(jdbc.sql(COUNTS.formatted(key, only)), province)
                .param("from", from).param("to", to)
                .query(rs -> {
                    double[] p = percentiles.get(rs.getString("key"));
                    rows.add(new VneidCounts(rs.getString("key"), rs.getLong("attempts"), rs.getLong("ok"),
                            p == null ? null : p[0], p == null ? null : p[1]));
                });
        rows.sort((a, b) -> a.key().compareTo(b.key()));
        return rows;
    }

    private Map<String, double[]> percentiles(String key, RollupSpans spans, @Nullable String province,
            String only) {
        Map<String, Object> params = new HashMap<>();
        if (province != null) {
            params.put("province", province);
        }
        Map<String, double[]> byKey = new HashMap<>();
        jdbc.sql(PERCENTILE_RANKS.formatted(key, histogramRows(spans, only, params)))
                .params(params)
                .query((RowCallbackHandler) rs -> {
                    long total = rs.getLong("total");
                    byKey.put(rs.getString("key"), new double[] {
                        ContinuousPercentile.between(0.5, total, rs.getLong("p50_lower"), rs.getLong("p50_upper")),
                        ContinuousPercentile.between(0.95, total, rs.getLong("p95_lower"), rs.getLong("p95_upper"))});
                });
        return byKey;
    }

    /**
     * The histogram rows of the spans: whole months from the monthly histograms, other days from the daily, and the
     * days taken away from their months with their counts negated.
     */
    private static String histogramRows(RollupSpans spans, String only, Map<String, Object> params) {
        List<String> parts = new ArrayList<>();
        spans.days().forEach(days -> parts.add(dailyHistogram("ok", days, only, parts.size(), params)));
        RollupSpans.Range months = spans.months();
        if (months != null) {
            parts.add("SELECT province, month, latency_ms, ok FROM vneid_latency_month WHERE month >= :fromMonth"
                    + " AND month < :toMonth" + only);
            params.put("fromMonth", months.from());
            params.put("toMonth", months.to());
        }
        spans.minusDays().forEach(days -> parts.add(dailyHistogram("-ok", days, only, parts.size(), params)));
        return String.join(" UNION ALL ", parts);
    }

    /** The daily histograms' rows of the days, their counts as {@code ok} (or {@code -ok}), parameters numbered i. */
    private static String dailyHistogram(String ok, RollupSpans.Range days, String only, int i,
            Map<String, Object> params) {
        params.put("from" + i, days.from());
        params.put("to" + i, days.to());
        return "SELECT province, day, latency_ms, " + ok + " FROM vneid_latency_day WHERE day >= :from" + i
                + " AND day < :to" + i + only;
    }

    private Map<String, double[]> communePercentiles(LocalDate from, LocalDate to, @Nullable String province,
            String only) {
        Map<String, double[]> byKey = new HashMap<>();
        withProvince(jdbc.sql(COMMUNE_PERCENTILES.formatted("", only)), province)
                .param("fromTs", Ict.startOf(from).atOffset(ZoneOffset.UTC))
                .param("toTs", Ict.startOf(to).atOffset(ZoneOffset.UTC))
                .query((RowCallbackHandler) rs -> byKey.put(rs.getString("key"),
                        new double[] {rs.getDouble("p50"), rs.getDouble("p95")}));
        return byKey;
    }

    private static JdbcClient.StatementSpec withProvince(JdbcClient.StatementSpec statement,
            @Nullable String province) {
        return province == null ? statement : statement.param("province", province);
    }
}
