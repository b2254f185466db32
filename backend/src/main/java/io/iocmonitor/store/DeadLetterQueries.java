package io.iocmonitor.store;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.iocmonitor.telemetry.DeadLetter;

/** Reads the dead-letter store, newest first. */
@Repository
public class DeadLetterQueries {

    private final JdbcClient jdbc;

    DeadLetterQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param province only dead letters whose topic names this province; {@code null} for all (including those
     *                 whose topic names none)
     */
    public List<DeadLetter> latest(int limit, @Nullable String province) {
        return jdbc.sql("""
                        SELECT id, received_at, topic, reason, payload FROM dead_letter
                        WHERE CAST(:province AS text) IS NULL OR topic LIKE 'ioc/v1/' || :province || '/%'
                        ORDER BY received_at DESC, id DESC
                        LIMIT :limit""")
                .param("province", province)
                .param("limit", limit)
                .query((rs, i) -> new DeadLetter(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("topic"), rs.getString("reason"), rs.getString("payload")))
                .list();
    }
}
