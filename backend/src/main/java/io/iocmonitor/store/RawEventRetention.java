package io.iocmonitor.store;

import java.time.Period;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where the TimescaleDB extension can be used, the raw event tables become hypertables with compression after a
 * week and a retention policy of {@code ioc.retention.raw}; on plain PostgreSQL the server itself deletes raw
 * events older than that, daily. Merged dossiers are never deleted: they carry the KPIs.
 */
@Component
@EnableConfigurationProperties(RetentionProperties.class)
public class RawEventRetention {

    static final List<String> RAW_TABLES =
            List.of("dossier_event", "vneid_event", "probe_event", "sync_event", "heartbeat_event");
    private static final Logger log = LoggerFactory.getLogger(RawEventRetention.class);
    private static final String INTERVAL = "make_interval(years => ?, months => ?, days => ?)";

    private final JdbcTemplate jdbc;
    private final Period retention;
    private final boolean timescale;

    RawEventRetention(JdbcTemplate jdbc, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.retention = properties.raw();
        this.timescale = enableTimescale();
        if (timescale) {
            RAW_TABLES.forEach(this::makeHypertable);
            log.info("TimescaleDB: raw event tables are hypertables, compressed after 7 days, kept {}", retention);
        } else {
            log.info("Plain PostgreSQL: raw events older than {} are deleted daily by the server", retention);
        }
    }

    private boolean enableTimescale() {
        Boolean usable = jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
                   AND current_setting('shared_preload_libraries') LIKE '%timescaledb%'""", Boolean.class);
        if (!Boolean.TRUE.equals(usable)) {
            return false;
        }
        jdbc.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
        return true;
    }

    private void makeHypertable(String table) {
        // table names come from RAW_TABLES, never from input
        jdbc.queryForList("SELECT create_hypertable(?, by_range('ts'), if_not_exists => true, migrate_data => true)",
                table);
        jdbc.execute("ALTER TABLE " + table + " SET (timescaledb.compress, timescaledb.compress_segmentby = 'province')");
        jdbc.queryForList("SELECT add_compression_policy(?, INTERVAL '7 days', if_not_exists => true)", table);
        jdbc.queryForList("SELECT remove_retention_policy(?, if_exists => true)", table);
        jdbc.queryForList("SELECT add_retention_policy(?, " + INTERVAL + ")", table, retention.getYears(),
                retention.getMonths(), retention.getDays());
    }

    /** Plain PostgreSQL only: what TimescaleDB's retention policy does elsewhere. Returns the rows deleted. */
    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT24H")
    public int deleteExpiredRawEvents() {
        if (timescale) {
            return 0;
        }
        int deleted = 0;
        for (String table : RAW_TABLES) {
            deleted += jdbc.update("DELETE FROM " + table + " WHERE ts < now() - " + INTERVAL,
                    retention.getYears(), retention.getMonths(), retention.getDays());
        }
        deleted += jdbc.update("DELETE FROM ingested_event WHERE ingested_at < now() - " + INTERVAL,
                retention.getYears(), retention.getMonths(), retention.getDays());
        if (deleted > 0) {
            log.info("Deleted {} raw event rows older than {}", deleted, retention);
        }
        return deleted;
    }
}
