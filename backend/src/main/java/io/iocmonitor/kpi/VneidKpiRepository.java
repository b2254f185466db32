package io.iocmonitor.kpi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts VNeID attempts per key; latency percentiles as PostgreSQL's {@code percentile_cont}, over ok attempts. */
@Repository
class VneidKpiRepository {

    // %s is the grouping expression, chosen from GroupBy, never from input.
    private static final String COUNTS = """
            SELECT %s AS key,
                   count(*) AS attempts,
                   count(*) FILTER (WHERE result = 'ok') AS ok,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE result = 'ok') AS p50,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE result = 'ok') AS p95
            FROM vneid_event
            WHERE ts >= :from AND ts < :to
              AND (CAST(:province AS text) IS NULL OR province = :province)
            GROUP BY 1
            ORDER BY 1""";

    private final JdbcClient jdbc;

    VneidKpiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<VneidCounts> counts(GroupBy groupBy, Instant from, Instant to, @Nullable String province) {
        return jdbc.sql(COUNTS.formatted(DossierKpiRepository.keyExpression(groupBy, "ts AT TIME ZONE 'Asia/Ho_Chi_Minh'")))
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .param("province", province)
                .query((rs, i) -> new VneidCounts(rs.getString("key"), rs.getLong("attempts"), rs.getLong("ok"),
                        rs.getObject("p50", Double.class), rs.getObject("p95", Double.class)))
                .list();
    }
}
