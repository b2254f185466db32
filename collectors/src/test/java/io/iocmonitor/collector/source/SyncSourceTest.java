package io.iocmonitor.collector.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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

    private static boolean postgresListens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
