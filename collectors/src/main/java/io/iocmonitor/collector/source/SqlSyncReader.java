package io.iocmonitor.collector.source;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;

/**
 * Reads the synchronisation state with an SQL query on the provincial system's database (JDBC; put the driver's jar
 * on the class path). The query answers one row with the columns {@code pending}, {@code failed} and
 * {@code lag_seconds}.
 */
record SqlSyncReader(String jdbcUrl, @Nullable String username, @Nullable String password, String query)
        implements SyncReader {

    @Override
    public SyncReading read() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password)) {
            connection.setReadOnly(true);
            return read(connection);
        }
    }

    private SyncReading read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            if (!row.next()) {
                throw new SQLException("the query answered no row: " + query);
            }
            return new SyncReading(row.getLong("pending"), row.getLong("failed"), row.getLong("lag_seconds"));
        }
    }
}
