package io.iocmonitor.alerting;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.iocmonitor.alerting.rules.RuleScope;

/**
 * The figures alert signals need over windows shorter than a day (the KPI service counts whole ICT days): VNeID
 * logins, overdue open dossiers, dead letters against stored events, collectors' drop counts, and the type of a
 * probed target. Keys follow the grain: {@code ''} for national, the province, or province and commune.
 */
@Repository
class AlertSignalQueries {

    /** One row of a grouped count; {@code commune} is {@code ''} unless the grain is commune. */
    record Row(String province, String commune, long numerator, long denominator, @Nullable Double value) {
    }

    /** A collector's cumulative drop counts in {@code ts} order, each differing from the one before it. */
    record DropCounts(String province, String commune, String collector, long[] counts) {
    }

    private static final String KEYS = """
            CASE WHEN :grain = 'national' THEN '' ELSE province END AS p,
            CASE WHEN :grain = 'commune' THEN commune ELSE '' END AS c""";

    private final JdbcClient jdbc;

    AlertSignalQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** VNeID attempts (denominator), ok (numerator) and p95 latency of ok attempts (value) in {@code [from, to)}. */
    List<Row> vneid(RuleScope.Grain grain, Instant from, Instant to) {
        return jdbc.sql("SELECT " + KEYS + """
                        , count(*) FILTER (WHERE result = 'ok') AS ok, count(*) AS attempts,
                        percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE result = 'ok') AS p95
                        FROM vneid_event WHERE ts >= :from AND ts < :to GROUP BY 1, 2""")
                .param("grain", wire(grain)).param("from", utc(from)).param("to", utc(to))
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5) == null ? null : rs.getDouble(5)))
                .list();
    }

    /**
     * Dossiers open now (received, neither completed nor cancelled) whose deadline is before {@code dueBefore},
     * found through the index of overdue spans, which holds only dossiers ever overdue or still open.
     */
    List<Row> overdueOpen(RuleScope.Grain grain, Instant now, Instant dueBefore) {
        return jdbc.sql("SELECT " + KEYS + """
                        , count(*) FROM dossier
                        WHERE due_at < COALESCE(LEAST(completed_ts, cancelled_ts), 'infinity')
                          AND tstzrange(due_at, LEAST(completed_ts, cancelled_ts), '(]') @> CAST(:now AS timestamptz)
                          AND received_ts < :now AND due_at < :before
                        GROUP BY 1, 2""")
                .param("grain", wire(grain)).param("now", utc(now)).param("before", utc(dueBefore))
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(3),
                        (double) rs.getLong(3)))
                .list();
    }

    /**
     * Dead letters (numerator) and all messages, dead letters plus stored events (denominator), since {@code from},
     * by the province their topic names; a dead letter whose topic names none counts nationally only.
     */
    List<Row> deadLetters(RuleScope.Grain grain, Instant from) {
        return jdbc.sql("""
                        WITH msgs AS (
                            SELECT split_part(topic, '/', 3) AS province, '' AS commune, 1 AS dead
                            FROM dead_letter WHERE received_at >= :from
                            UNION ALL SELECT province, commune, 0 FROM dossier_event WHERE ts >= :from
                            UNION ALL SELECT province, commune, 0 FROM vneid_event WHERE ts >= :from
                            UNION ALL SELECT province, commune, 0 FROM probe_event WHERE ts >= :from
                            UNION ALL SELECT province, commune, 0 FROM sync_event WHERE ts >= :from
                            UNION ALL SELECT province, commune, 0 FROM heartbeat_event WHERE ts >= :from
                        )
                        SELECT CASE WHEN :grain = 'national' THEN '' ELSE province END AS p, '' AS c,
                               sum(dead), count(*)
                        FROM msgs WHERE :grain = 'national' OR province ~ '^[0-9]{2}$'
                        GROUP BY 1, 2""")
                .param("grain", wire(grain)).param("from", utc(from))
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), null))
                .list();
    }

    /**
     * The drop counts of each collector whose count changed in the heartbeats that arrived in {@code [from, to)},
     * preceded by its last count before them (by {@code ts}, up to a day earlier) so that the first of them is
     * compared with something.
     */
    List<DropCounts> dropCounts(Instant from, Instant to) {
        return jdbc.sql("""
                        WITH arrived AS (
                            SELECT province, commune, collector, ts, event_id, dropped FROM heartbeat_event
                            WHERE received_at >= :from AND received_at < :to AND dropped IS NOT NULL
                        ), before AS (
                            SELECT a.province, a.commune, a.collector, b.ts, b.event_id, b.dropped
                            FROM (SELECT province, commune, collector, min(ts) AS since FROM arrived GROUP BY 1, 2, 3) a
                            CROSS JOIN LATERAL (
                                SELECT ts, event_id, dropped FROM heartbeat_event h
                                WHERE h.province = a.province AND h.commune = a.commune AND h.collector = a.collector
                                  AND h.ts < a.since AND h.ts >= a.since - interval '1 day' AND h.dropped IS NOT NULL
                                ORDER BY ts DESC LIMIT 1) b
                        ), samples AS (
                            SELECT *, lag(dropped) OVER (PARTITION BY province, commune, collector
                                                         ORDER BY ts, event_id) AS previous
                            FROM (SELECT * FROM arrived UNION ALL SELECT * FROM before) s
                        )
                        SELECT province, commune, collector, array_agg(dropped ORDER BY ts, event_id)
                        FROM samples WHERE previous IS NULL OR dropped <> previous
                        GROUP BY 1, 2, 3 HAVING count(*) > 1""")
                .param("from", utc(from)).param("to", utc(to))
                .query((rs, i) -> new DropCounts(rs.getString(1), rs.getString(2), rs.getString(3),
                        longs(rs.getArray(4))))
                .list();
    }

    private static long[] longs(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = ((Number) values[i]).longValue();
        }
        return longs;
    }

    Optional<String> targetType(String province, String commune, String target) {
        return jdbc.sql("""
                        SELECT target_type FROM probe_event
                        WHERE province = :province AND commune = :commune AND target = :target
                        ORDER BY ts DESC LIMIT 1""")
                .param("province", province).param("commune", commune).param("target", target)
                .query(String.class).optional();
    }

    private static String wire(RuleScope.Grain grain) {
        return grain.name().toLowerCase(Locale.ROOT);
    }

    private static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
