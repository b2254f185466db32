package io.iocmonitor.collector.source;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * Reads the synchronisation state with an SQL query on the provincial system's database (JDBC; put the driver's jar
 * on the class path). The query answers one row with the columns {@code pending}, {@code failed} and
 * {@code lag_seconds}.
 *
 * <p>Neither a database that accepts the connection and never answers nor a query that never ends may hold the source:
 * the connection (login included) must come within {@code connectTimeout} and the query answer within
 * {@code queryTimeout}, else that reading fails with an {@link SQLTimeoutException} and the next one tries again.
 */
final class SqlSyncReader implements SyncReader {

    /** Beyond the query timeout, how long the socket may stay silent before the driver gives the connection up. */
    private static final Duration NETWORK_GRACE = Duration.ofSeconds(5);

    private final String jdbcUrl;
    private final @Nullable String username;
    private final @Nullable String password;
    private final String query;
    private final Duration connectTimeout;
    private final Duration queryTimeout;
    private @Nullable CompletableFuture<Connection> hangingConnect;

    SqlSyncReader(String jdbcUrl, @Nullable String username, @Nullable String password, String query,
            Duration connectTimeout, Duration queryTimeout) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.query = query;
        this.connectTimeout = connectTimeout;
        this.queryTimeout = queryTimeout;
    }

    @Override
    public SyncReading read() throws SQLException, InterruptedException {
        try (Connection connection = connect()) {
            connection.setReadOnly(true);
            return read(connection);
        }
    }

    /**
     * JDBC has no per-connection connect timeout (DriverManager's login timeout is one for the whole JVM), so the
     * connection is made on a thread of its own and given up after {@code connectTimeout}. A driver cannot be made
     * to drop an attempt stuck on a silent socket: while it hangs no other is started (one stuck thread per source
     * at most), and a connection it makes late is closed.
     */
    private synchronized Connection connect() throws SQLException, InterruptedException {
        CompletableFuture<Connection> previous = hangingConnect;
        if (previous != null && !previous.isDone()) {
            throw new SQLTimeoutException("no connection to " + jdbcUrl + ": the previous attempt still hangs (more"
                    + " than the connectTimeout of " + text(connectTimeout) + ")");
        }
        CompletableFuture<Connection> attempt = CompletableFuture.supplyAsync(() -> {
            try {
                return DriverManager.getConnection(jdbcUrl, username, password);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, task -> Thread.ofVirtual().name("ioc-sql-connect").start(task));
        try {
            return attempt.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            hangingConnect = attempt;
            attempt.thenAccept(SqlSyncReader::closeQuietly);
            throw new SQLTimeoutException("no connection to " + jdbcUrl + " within the connectTimeout of "
                    + text(connectTimeout));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
        }
    }

    private SyncReading read(Connection connection) throws SQLException {
        // the query timeout cancels the statement in the database; the network timeout is the backstop for a
        // database that no longer answers at all (a cancel cannot reach it either)
        connection.setNetworkTimeout(Runnable::run, Math.toIntExact(queryTimeout.plus(NETWORK_GRACE).toMillis()));
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(Math.toIntExact(Math.max(1, (queryTimeout.toMillis() + 999) / 1000)));
            try (ResultSet row = statement.executeQuery(query)) {
                if (!row.next()) {
                    throw new SQLException("the query answered no row: " + query);
                }
                return new SyncReading(row.getLong("pending"), row.getLong("failed"), row.getLong("lag_seconds"));
            }
        } catch (SQLException e) {
            // drivers report an expired query timeout differently (PostgreSQL: "canceling statement due to user
            // request"); what fails once the time is up is the timeout
            if (!(e instanceof SQLTimeoutException) && System.nanoTime() - started < queryTimeout.toNanos()) {
                throw e;
            }
            throw new SQLTimeoutException("the query did not answer within the queryTimeout of " + text(queryTimeout)
                    + " (" + e.getMessage() + ")", e.getSQLState(), e);
        }
    }

    private static void closeQuietly(Connection late) {
        try {
            late.close();
        } catch (SQLException e) {
            // it was never used
        }
    }

    private static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
