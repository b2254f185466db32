package io.iocmonitor.alerting;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Elects the one instance that evaluates rules and sends notifications (SPEC §6, §9: exactly once with several
 * instances). The leader holds a PostgreSQL session advisory lock on a connection of its own and does all its
 * evaluation writes on that same connection: if the instance dies, PostgreSQL ends the session and frees the lock,
 * and a follower, trying every {@link #ELECTION_INTERVAL}, takes over; if the connection breaks, the lock is gone
 * and so is the ability to write, so two instances never both act as leader. The {@link Notifier} delivers on
 * threads of its own, claiming each delivery only while this session holds the lock ({@link #session()}).
 */
@Component
class AlertingLeader implements SmartLifecycle {

    /** The advisory lock's key: "IOCALERT" in ASCII, unlikely to collide with anyone else's. */
    static final long LOCK_KEY = 0x494F43414C455254L;
    static final Duration ELECTION_INTERVAL = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(AlertingLeader.class);

    private final DataSource dataSource;
    private final JsonMapper json;
    private final AlertEvaluator evaluator;
    private final AlertingProperties properties;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile @Nullable Integer session;
    private @Nullable Thread thread;
    private @Nullable Connection connection;

    AlertingLeader(DataSource dataSource, JsonMapper json, AlertEvaluator evaluator, AlertingProperties properties,
            Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.evaluator = evaluator;
        this.properties = properties;
        this.clock = clock;
    }

    /** The backend process id of the session that holds the leader lock, while this instance is the leader. */
    @Nullable Integer session() {
        return session;
    }

    @Override
    public void start() {
        if (!properties.enabled() || !running.compareAndSet(false, true)) {
            return;
        }
        thread = Thread.ofPlatform().name("alerting-leader").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running.set(false);
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        release();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private void loop() {
        while (running.get()) {
            Duration wait = ELECTION_INTERVAL;
            try {
                Connection c = connection;
                boolean elected = false;
                if (c == null) {
                    c = tryAcquire();
                    elected = c != null;
                }
                if (c != null) {
                    wait = properties.evaluationInterval();
                    tick(c, elected);
                }
            } catch (SQLException | RuntimeException e) {
                if (running.get()) {
                    LOG.warn("Alerting leadership lost or not available: {}", e.toString());
                }
                release();
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private @Nullable Connection tryAcquire() throws SQLException {
        Connection c = dataSource.getConnection();
        boolean acquired = false;
        int pid = 0;
        try (var statement = c.prepareStatement("SELECT pg_try_advisory_lock(?), pg_backend_pid()")) {
            statement.setLong(1, LOCK_KEY);
            try (var rs = statement.executeQuery()) {
                acquired = rs.next() && rs.getBoolean(1);
                pid = acquired ? rs.getInt(2) : 0;
            }
        } finally {
            if (!acquired) {
                c.close();
            }
        }
        if (acquired) {
            c.setAutoCommit(true);
            connection = c;
            session = pid;
            LOG.info("This instance is now the alert evaluator and notifier");
            return c;
        }
        return null;
    }

    private void tick(Connection c, boolean elected) throws SQLException {
        if (!c.isValid(5)) {
            throw new SQLException("the leader's connection is no longer valid");
        }
        SingleConnectionDataSource single = new SingleConnectionDataSource(c, true);
        AlertRepository repository = new AlertRepository(JdbcClient.create(single), json);
        if (elected) {
            evaluator.takeOver(repository, clock.instant());
        }
        evaluator.evaluate(repository, new TransactionTemplate(new DataSourceTransactionManager(single)),
                clock.instant());
    }

    private void release() {
        session = null;
        Connection c = connection;
        connection = null;
        if (c != null) {
            // a broken connection took the lock with it; a healthy one must give it back before the pool keeps it
            try (var unlock = c.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                unlock.execute();
            } catch (SQLException ignored) {
                // the session is gone, and with it the lock
            }
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing left to free
            }
        }
    }
}
