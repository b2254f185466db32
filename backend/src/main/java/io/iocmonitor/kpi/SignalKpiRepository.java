package io.iocmonitor.kpi;

import static io.iocmonitor.kpi.SqlTimes.utc;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;


/** Portal sync states, probe availability and data quality, read from the tables the writer keeps. */
@Repository
class SignalKpiRepository {

    private static final String SYNC = """
            SELECT province, commune, system, ts, pending, failed, lag_seconds FROM sync_status
            WHERE CAST(:province AS text) IS NULL OR province = :province
            ORDER BY province, commune, system""";

    // %s is the key column (province or commune), chosen in code.
    private static final String AVAILABILITY = """
            SELECT %s AS key, sum(up) AS up, sum(total) AS total FROM probe_day
            WHERE day >= :from AND day < :to AND (CAST(:province AS text) IS NULL OR province = :province)
            GROUP BY 1 ORDER BY 1""";

    private static final String QUALITY = """
            SELECT p.code AS province,
                   (SELECT count(*) FROM commune c WHERE c.province_code = p.code) AS communes,
                   (SELECT count(*) FROM site_activity s JOIN commune c ON c.code = s.commune
                     WHERE s.province = p.code AND c.province_code = p.code
                       AND s.last_received_at >= :since) AS reporting,
                   (SELECT max(s.last_event_ts) FROM site_activity s WHERE s.province = p.code) AS newest,
                   coalesce(t.accepted, 0) AS accepted, coalesce(t.rejected, 0) AS rejected
            FROM province p
            LEFT JOIN (SELECT province, sum(accepted) AS accepted, sum(rejected) AS rejected FROM ingest_tally
                       WHERE day >= :from AND day < :to GROUP BY province) t ON t.province = p.code
            WHERE CAST(:province AS text) IS NULL OR p.code = :province
            ORDER BY p.code""";

    private final JdbcClient jdbc;

    SignalKpiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SyncStatus> syncStatus(@Nullable String province) {
        return jdbc.sql(SYNC).param("province", province)
                .query((rs, i) -> new SyncStatus(rs.getString("province"), rs.getString("commune"),
                        rs.getString("system"), rs.getTimestamp("ts").toInstant(), rs.getLong("pending"),
                        rs.getLong("failed"), rs.getLong("lag_seconds")))
                .list();
    }

    /** Probe results up and in all, per province or commune, in {@code [from, to)} (local dates). */
    List<Counted> availability(GroupBy groupBy, LocalDate from, LocalDate to, @Nullable String province) {
        String key = switch (groupBy) {
            case NONE -> "'all'";
            case PROVINCE -> "province";
            case COMMUNE -> "commune";
            default -> throw new IllegalArgumentException("availability is grouped by none, province or commune");
        };
        return jdbc.sql(AVAILABILITY.formatted(key))
                .param("from", from)
                .param("to", to)
                .param("province", province)
                .query((rs, i) -> new Counted(rs.getString("key"), rs.getLong("up"), rs.getLong("total")))
                .list();
    }

    List<QualityRow> quality(LocalDate from, LocalDate to, Instant reportingSince, @Nullable String province) {
        return jdbc.sql(QUALITY)
                .param("since", utc(reportingSince))
                .param("from", from)
                .param("to", to)
                .param("province", province)
                .query((rs, i) -> {
                    Timestamp newest = rs.getTimestamp("newest");
                    return new QualityRow(rs.getString("province"), rs.getLong("communes"), rs.getLong("reporting"),
                            newest == null ? null : newest.toInstant(), rs.getLong("accepted"), rs.getLong("rejected"));
                })
                .list();
    }

    /** A numerator and a denominator per key. */
    record Counted(String key, long numerator, long denominator) {
    }

    record QualityRow(String province, long communes, long reporting, @Nullable Instant newest, long accepted,
            long rejected) {
    }

}
