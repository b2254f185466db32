package io.iocmonitor.outage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the observations the outage rules run over: per target, its probe results from its last {@code up=true}
 * before the period on; per site with a collector (from its first heartbeat on), every sign of life from its last
 * one before the period on.
 */
@Repository
class OutageRepository {

    /** A site (province + commune) and what is watched there. */
    record Key(String province, String commune, String target) {
    }

    private static final String PROBES = """
            WITH anchor AS (
                SELECT province, commune, target, max(ts) FILTER (WHERE up AND ts < :from) AS since
                FROM probe_event
                WHERE CAST(:province AS text) IS NULL OR province = :province
                GROUP BY 1, 2, 3
            )
            SELECT p.province, p.commune, p.target, p.ts, p.up
            FROM probe_event p JOIN anchor a USING (province, commune, target)
            WHERE a.since IS NULL OR p.ts >= a.since
            ORDER BY 1, 2, 3, 4""";

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

    Map<Key, List<ProbeOutageRule.Result>> probeResults(Instant from, @Nullable String province) {
        Map<Key, List<ProbeOutageRule.Result>> byTarget = new LinkedHashMap<>();
        jdbc.sql(PROBES).param("from", from.atOffset(ZoneOffset.UTC)).param("province", province).query(rs -> {
            byTarget.computeIfAbsent(new Key(rs.getString(1), rs.getString(2), rs.getString(3)),
                    k -> new ArrayList<>())
                    .add(new ProbeOutageRule.Result(rs.getTimestamp(4).toInstant(), rs.getBoolean(5)));
        });
        return byTarget;
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
