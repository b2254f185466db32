package io.iocmonitor.outage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.iocmonitor.base.WorkMarks;

/**
 * Keeps {@code probe_outage} equal to {@link ProbeOutageRule} over all stored probe results: each target that a
 * stored batch marked is recomputed from its last {@code up=true} before the earliest result the batch brought. An
 * outage that started before that {@code up=true} ended at it or earlier, so nothing before it can change. When a
 * stored outage was still going at that earliest result, only the results from it on are read, after the failures
 * since the outage's start (all results since then were failures; counting up to three of them is enough): a long
 * outage costs the same to extend as a short one, and its start stays known after retention has removed its first
 * results.
 */
@Repository
class ProbeOutages {

    /** The advisory lock's key, "IOCOUTG1" in ASCII: one refresher at a time, across servers. */
    private static final long LOCK = 0x494F434F55544731L;

    private static final String CLAIM = """
            SELECT id, province, commune, target, since FROM probe_outage_dirty ORDER BY id LIMIT ?""";

    // The last up=true before the earliest change; without one, the target's first result (or, once retention has
    // removed everything before the change, the change itself).
    private static final String RECOMPUTE_FROM = """
            SELECT COALESCE(
                (SELECT max(ts) FROM probe_event
                 WHERE province = ? AND commune = ? AND target = ? AND ts < ? AND up),
                (SELECT min(ts) FROM probe_event WHERE province = ? AND commune = ? AND target = ?),
                ?)""";

    // The stored outage that was still going at the earliest change, if any.
    private static final String GOING = """
            SELECT start_ts FROM probe_outage
            WHERE province = ? AND commune = ? AND target = ? AND start_ts <= ? AND (end_ts IS NULL OR end_ts > ?)""";

    // Up to three of the failures from a going outage's start to the earliest change; when retention has removed
    // the outage's first results, it had three (it was stored as an outage).
    private static final String DOWNS_SINCE = """
            SELECT CASE WHEN (SELECT min(ts) FROM probe_event WHERE province = ? AND commune = ? AND target = ?) > ?
                        THEN 3
                        ELSE (SELECT count(*) FROM (
                                  SELECT 1 FROM probe_event
                                  WHERE province = ? AND commune = ? AND target = ? AND ts >= ? AND ts < ?
                                  LIMIT 3) AS d)
                   END""";

    private static final String RESULTS = """
            SELECT ts, up FROM probe_event WHERE province = ? AND commune = ? AND target = ? AND ts >= ?
            ORDER BY ts""";

    private static final String FORGET = """
            DELETE FROM probe_outage WHERE province = ? AND commune = ? AND target = ? AND start_ts >= ?""";

    private static final String STORE = """
            INSERT INTO probe_outage (province, commune, target, start_ts, end_ts)
            SELECT ?, ?, ?, * FROM unnest(?::timestamptz[], ?::timestamptz[])""";

    private final JdbcTemplate jdbc;

    ProbeOutages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes the targets of up to {@code limit} marks; returns how many marks it took. */
    @Transactional
    public int refresh(int limit) {
        if (!WorkMarks.takeTurn(jdbc, LOCK)) {
            return 0;
        }
        List<Long> ids = new ArrayList<>();
        Map<OutageRepository.Key, Instant> earliest = new LinkedHashMap<>();
        jdbc.query(CLAIM, rs -> {
            ids.add(rs.getLong(1));
            earliest.merge(new OutageRepository.Key(rs.getString(2), rs.getString(3), rs.getString(4)),
                    rs.getObject(5, OffsetDateTime.class).toInstant(), (a, b) -> a.isBefore(b) ? a : b);
        }, limit);
        earliest.forEach(this::recompute);
        WorkMarks.done(jdbc, "probe_outage_dirty", ids);
        return ids.size();
    }

    private void recompute(OutageRepository.Key target, Instant changedFrom) {
        OffsetDateTime changed = changedFrom.atOffset(ZoneOffset.UTC);
        List<OffsetDateTime> going = jdbc.query(GOING, (rs, i) -> rs.getObject(1, OffsetDateTime.class),
                target.province(), target.commune(), target.target(), changed, changed);
        OffsetDateTime downSince = going.isEmpty() ? null : going.getFirst();
        OffsetDateTime from = downSince != null ? changed : jdbc.queryForObject(RECOMPUTE_FROM, OffsetDateTime.class,
                target.province(), target.commune(), target.target(), changed, target.province(), target.commune(),
                target.target(), changed);
        List<ProbeOutageRule.Result> results = jdbc.query(RESULTS,
                (rs, i) -> new ProbeOutageRule.Result(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getBoolean(2)),
                target.province(), target.commune(), target.target(), from);
        int downsBefore = downSince == null ? 0 : jdbc.queryForObject(DOWNS_SINCE, Integer.class, target.province(),
                target.commune(), target.target(), downSince, target.province(), target.commune(), target.target(),
                downSince, changed);
        List<ProbeOutageRule.Span> spans = ProbeOutageRule.outages(results,
                downSince == null ? null : downSince.toInstant(), downsBefore);
        jdbc.update(FORGET, target.province(), target.commune(), target.target(), downSince != null ? downSince : from);
        if (!spans.isEmpty()) {
            jdbc.update(STORE, target.province(), target.commune(), target.target(),
                    spans.stream().map(s -> s.start().toString()).toArray(String[]::new),
                    spans.stream().map(s -> s.end() == null ? null : s.end().toString()).toArray(String[]::new));
        }
    }
}
