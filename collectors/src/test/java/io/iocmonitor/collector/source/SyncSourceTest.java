package io.iocmonitor.collector.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/** The portal synchronisation monitor, from a local HTTP endpoint and from an SQL query on PostgreSQL. */
class SyncSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsPendingFailedAndLagFromAnHttpEndpoint() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sync", exchange -> {
            byte[] body = "{\"hangDoi\":{\"choDongBo\":42,\"loi\":\"3\"},\"treGiay\":1260}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String yaml = """
                    sources:
                      - type: sync
                        name: portal-sync
                        interval: 1m
                        from: http
                        system: dvc-hanoi
                        url: http://127.0.0.1:%d/sync
                        fields: {pending: hangDoi.choDongBo, failed: hangDoi.loi, lagSeconds: treGiay}
                    """.formatted(server.getAddress().getPort());
            RecordingSink sink = new RecordingSink();
            TestConfig.source(dir, yaml).poll(sink);
            JsonNode event = sink.last();
            assertThat(sink.events.getFirst().topic()).isEqualTo("ioc/v1/01/00004/sync");
            assertThat(event.get("system").asString()).isEqualTo("dvc-hanoi");
            assertThat(event.get("pending").asLong()).isEqualTo(42);
            assertThat(event.get("failed").asLong()).isEqualTo(3);
            assertThat(event.get("lagSeconds").asLong()).isEqualTo(1260);

            Source wrongField = TestConfig.source(dir, yaml.replace("treGiay}", "treGiay.x}"));
            assertThatThrownBy(() -> wrongField.poll(new RecordingSink()))
                    .hasMessageContaining("no number at \"treGiay.x\"");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void readsTheStateWithAnSqlQuery() throws Exception {
        Assumptions.assumeTrue(postgresListens(), "needs the machine's PostgreSQL on 127.0.0.1:5432");
        RecordingSink sink = new RecordingSink();
        TestConfig.source(dir, """
                sources:
                  - type: sync
                    name: portal-sync-sql
                    interval: 1m
                    from: sql
                    system: dvc-hanoi
                    jdbcUrl: jdbc:postgresql://127.0.0.1:5432/postgres
                    username: postgres
                    query: SELECT 7 AS pending, 1 AS failed, 95 AS lag_seconds
                """).poll(sink);
        assertThat(sink.last().get("pending").asLong()).isEqualTo(7);
        assertThat(sink.last().get("failed").asLong()).isEqualTo(1);
        assertThat(sink.last().get("lagSeconds").asLong()).isEqualTo(95);
    }

    @Test
    void aHungQueryFailsAtItsTimeoutIsCancelledAndTheNextReadingTriesAgain() throws Exception {
        Assumptions.assumeTrue(postgresListens(), "needs the machine's PostgreSQL on 127.0.0.1:5432");
        String marker = "ioc_hung_" + UUID.randomUUID().toString().replace("-", "");
        Source source = TestConfig.source(dir, """
                sources:
                  - type: sync
                    name: portal-sync-sql
                    interval: 1m
                    from: sql
                    system: dvc-hanoi
                    jdbcUrl: jdbc:postgresql://127.0.0.1:5432/postgres
                    username: postgres
                    queryTimeout: 1s
                    query: SELECT 7 AS pending, 1 AS failed, 95 AS lag_seconds FROM pg_sleep(20) AS %s
                """.formatted(marker));
        for (int reading = 0; reading < 2; reading++) { // the second reading is not stuck behind the first
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThatThrownBy(() -> source.poll(
                    new RecordingSink())).isInstanceOf(SQLTimeoutException.class)
                    .hasMessageContaining("did not answer within the queryTimeout of 1s"));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (activeQueries(marker) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(activeQueries(marker)).as("the database cancelled the hung query").isZero();
    }

    @Test
    void aDatabaseThatNeverAnswersFailsAtTheConnectTimeout() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> { // accepts connections and never says a word
                try {
                    while (true) {
                        Socket socket = silent.accept();
                        synchronized (accepted) {
                            accepted.add(socket);
                        }
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            Source source = TestConfig.source(dir, """
                    sources:
                      - type: sync
                        name: portal-sync-sql
                        interval: 1m
                        from: sql
                        system: dvc-hanoi
                        jdbcUrl: jdbc:postgresql://127.0.0.1:%d/dvc
                        username: ioc_reader
                        connectTimeout: 1s
                        query: SELECT 0 AS pending, 0 AS failed, 0 AS lag_seconds
                    """.formatted(silent.getLocalPort()));
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThatThrownBy(() -> source.poll(
                    new RecordingSink())).isInstanceOf(SQLTimeoutException.class)
                    .hasMessageContaining("no connection to jdbc:postgresql://127.0.0.1:" + silent.getLocalPort())
                    .hasMessageContaining("within the connectTimeout of 1s"));
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThatThrownBy(() -> source.poll(
                    new RecordingSink())).isInstanceOf(SQLTimeoutException.class)
                    .hasMessageContaining("the previous attempt still hangs"));
        } finally {
            synchronized (accepted) {
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }
    }

    private static long activeQueries(String marker) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", null);
                Statement statement = c.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                        + " AND query LIKE '%pg_sleep(20) AS " + marker + "%' AND pid <> pg_backend_pid()")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static boolean postgresListens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
