package io.iocmonitor.outage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the stored probe outages ({@link ProbeOutages} keeps them), and the observations the silence rule runs over:
 * per site with a collector (from its first heartbeat on), every sign of life from its last one before the period
 * on.
 */
@Repository
class OutageRepository {

    /** A site (province + commune) and what is watched there. */
    record Key(String province, String commune, String target) {
    }

    // Kept by ProbeOutages. %s: the province condition, written only when a province is given (a condition
    // "? IS NULL OR province = ?" would keep a prepared statement's generic plan off the indexes).
    private static final String PROBE_OUTAGES = """
            SELECT province, commune, target, start_ts, end_ts FROM probe_outage
            WHERE start_ts < :to AND (end_ts IS NULL OR end_ts > :from)%s
            ORDER BY start_ts DESC""";

    private static final String SIGNALS = """
            WITH sites AS (
                SELECT province, commune, min(ts) AS first_beat FROM heartbeat_event
                WHERE CAST(:province AS text) IS NULL OR province = :province
                GROUP BY 1, 2
            ), sig AS (
                SELECT province, commune, ts, status = 'offline' AS will FROM heartbeat_event
                UNION ALL SELECT province, commune, ts, false FROM probe_event
                UNION ALL SELECT province, commune, ts, false FROM vneid_event
                UNION ALL SELECT province, commune, ts, false FROM sync_event
                UNION ALL SELECT province, commune, ts, false FROM dossier_event
            ), own AS (
                SELECT sig.* FROM sig JOIN sites USING (province, commune) WHERE sig.ts >= sites.first_beat
            ), anchor AS (
                SELECT province, commune, max(ts) AS since FROM own WHERE ts < :from GROUP BY 1, 2
            )
            SELECT own.province, own.commune, own.ts, own.will
            FROM own LEFT JOIN anchor USING (province, commune)
            WHERE anchor.since IS NULL OR own.ts >= anchor.since
            ORDER BY 1, 2, 3""";

    private final JdbcClient jdbc;

    OutageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The probe outages that overlap {@code [from, to)}. */
    List<Outage> probeOutages(Instant from, Instant to, @Nullable String province) {
        var query = jdbc.sql(PROBE_OUTAGES.formatted(province == null ? "" : " AND province = :province"))
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC));
        if (province != null) {
            query = query.param("province", province);
        }
        return query.query((rs, i) -> {
            OffsetDateTime end = rs.getObject(5, OffsetDateTime.class);
            return new Outage(rs.getString(1), rs.getString(2), rs.getString(3), OutageCause.PROBE,
                    rs.getObject(4, OffsetDateTime.class).toInstant(), end == null ? null : end.toInstant());
        }).list();
    }

    Map<Key, List<SilenceRule.Signal>> signals(Instant from, @Nullable String province) {
        Map<Key, List<SilenceRule.Signal>> bySite = new LinkedHashMap<>();
        jdbc.sql(SIGNALS).param("from", from.atOffset(ZoneOffset.UTC)).param("province", province).query(rs -> {
            bySite.computeIfAbsent(new Key(rs.getString(1), rs.getString(2), "collector"),
                    k -> new ArrayList<>())
                    .add(new SilenceRule.Signal(rs.getTimestamp(3).toInstant(), rs.getBoolean(4)));
        });
        return bySite;
    }
}
