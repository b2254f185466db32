package io.iocmonitor.collector.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/** Network probes and the VNeID login probe against local TCP and HTTP servers that go up and down. */
class ProbesTest {

    @TempDir
    Path dir;

    private HttpServer http;
    private volatile int status = 200;
    private volatile String page = "<title>Cổng Dịch vụ công Quốc gia</title>";
    private volatile long delayMs;

    @BeforeEach
    void startHttp() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
    }

    @AfterEach
    void stopHttp() {
        http.stop(0);
    }

    private JsonNode pollOnce(String yaml) throws Exception {
        RecordingSink sink = new RecordingSink();
        TestConfig.source(dir, "sources:\n" + yaml.indent(2)).poll(sink);
        assertThat(sink.events).hasSize(1);
        return sink.last();
    }

    private String topicOf(String yaml) throws Exception {
        RecordingSink sink = new RecordingSink();
        TestConfig.source(dir, "sources:\n" + yaml.indent(2)).poll(sink);
        return sink.events.getFirst().topic();
    }

    @Test
    void tcpProbeIsUpWhileTheServerListensAndDownAfter() throws Exception {
        int port;
        String yaml;
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            yaml = """
                    - type: probe
                      name: provincial-tcp
                      interval: 30s
                      method: tcp
                      target: dvc-hanoi
                      targetType: provincial-system
                      host: 127.0.0.1
                      port: %d
                      timeout: 2s
                    """.formatted(port);
            JsonNode up = pollOnce(yaml);
            assertThat(up.get("up").asBoolean()).isTrue();
            assertThat(up.get("method").asString()).isEqualTo("tcp");
            assertThat(up.get("target").asString()).isEqualTo("dvc-hanoi");
            assertThat(up.get("targetType").asString()).isEqualTo("provincial-system");
            assertThat(up.get("latencyMs").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(up.get("id").asString()).isNotBlank();
            assertThat(up.get("ts").asString()).endsWith("+07:00");
        }
        JsonNode down = pollOnce(yaml);
        assertThat(down.get("up").asBoolean()).isFalse();
        assertThat(down.has("latencyMs")).isFalse();
        assertThat(topicOf(yaml)).isEqualTo("ioc/v1/01/00004/probe");
    }

    @Test
    void httpProbeChecksTheStatusAndTheKeyword() throws Exception {
        String yaml = """
                - type: probe
                  name: portal
                  interval: 30s
                  method: http
                  target: dichvucong.gov.vn
                  targetType: portal
                  url: http://127.0.0.1:%d/
                  expectStatus: 200
                  keyword: Dịch vụ công
                """.formatted(http.getAddress().getPort());
        assertThat(pollOnce(yaml).get("up").asBoolean()).isTrue();
        page = "<title>Bảo trì</title>";
        assertThat(pollOnce(yaml).get("up").asBoolean()).as("keyword missing").isFalse();
        page = "<title>Cổng Dịch vụ công Quốc gia</title>";
        status = 503;
        assertThat(pollOnce(yaml).get("up").asBoolean()).as("HTTP 503").isFalse();
        status = 200;
        http.stop(0);
        assertThat(pollOnce(yaml).get("up").asBoolean()).as("server gone").isFalse();
    }

    @Test
    void dnsProbeResolvesKnownNamesAndNotInventedOnes() throws Exception {
        String yaml = """
                - type: probe
                  name: dns
                  interval: 1m
                  method: dns
                  target: resolver
                  targetType: internet
                  hostname: %s
                """;
        JsonNode up = pollOnce(yaml.formatted("localhost"));
        assertThat(up.get("up").asBoolean()).isTrue();
        assertThat(up.get("method").asString()).isEqualTo("dns");
        assertThat(pollOnce(yaml.formatted("no-such-host.invalid")).get("up").asBoolean()).isFalse();
    }

    @Test
    void icmpProbeReachesTheLoopbackAndFallsBackToTcp() throws Exception {
        JsonNode loopback = pollOnce("""
                - type: probe
                  name: ping
                  interval: 1m
                  method: icmp
                  target: loopback
                  targetType: internet
                  host: 127.0.0.1
                  timeout: 2s
                """);
        assertThat(loopback.get("up").asBoolean()).isTrue();
        String unreachable = """
                - type: probe
                  name: ping-fallback
                  interval: 1m
                  method: icmp
                  target: unreachable
                  targetType: internet
                  host: no-such-host.invalid
                  timeout: 300ms
                """;
        JsonNode down = pollOnce(unreachable);
        assertThat(down.get("up").asBoolean()).isFalse();
        assertThat(down.get("method").asString()).isEqualTo("icmp");
        // where ICMP fails, a configured TCP port decides, and the event says so
        JsonNode fallback = pollOnce(unreachable + "  fallbackPort: 443\n");
        assertThat(fallback.get("up").asBoolean()).isFalse();
        assertThat(fallback.get("method").asString()).isEqualTo("tcp");
    }

    @Test
    void modemProbeReadsTheSignalFromACommandOrAnHttpEndpoint() throws Exception {
        JsonNode fromCommand = pollOnce("""
                - type: probe
                  name: modem
                  interval: 1m
                  method: modem
                  target: 4g-modem
                  targetType: internet
                  command: "printf 'Signal\\n  rssi: -71 dBm\\n'"
                """);
        assertThat(fromCommand.get("up").asBoolean()).isTrue();
        assertThat(fromCommand.get("signalDbm").asInt()).isEqualTo(-71);
        assertThat(fromCommand.get("method").asString()).isEqualTo("modem");

        page = "{\"lte\":{\"rssi\":-88}}";
        JsonNode fromHttp = pollOnce("""
                - type: probe
                  name: modem-http
                  interval: 1m
                  method: modem
                  target: 4g-modem
                  targetType: internet
                  url: http://127.0.0.1:%d/status
                  field: lte.rssi
                """.formatted(http.getAddress().getPort()));
        assertThat(fromHttp.get("signalDbm").asInt()).isEqualTo(-88);

        JsonNode silent = pollOnce("""
                - type: probe
                  name: modem-gone
                  interval: 1m
                  method: modem
                  target: 4g-modem
                  targetType: internet
                  command: "exit 1"
                """);
        assertThat(silent.get("up").asBoolean()).isFalse();
        assertThat(silent.has("signalDbm")).isFalse();
    }

    @Test
    void vneidLoginProbeReportsOkFailAndTimeoutWithLatency() throws Exception {
        String yaml = """
                - type: vneid-login
                  name: vneid
                  interval: 1m
                  url: http://127.0.0.1:%d/login
                  httpMethod: POST
                  body: '{"user":"probe"}'
                  keyword: access_token
                  timeout: 500ms
                """.formatted(http.getAddress().getPort());
        page = "{\"access_token\":\"x\"}";
        delayMs = 50;
        JsonNode ok = pollOnce(yaml);
        assertThat(ok.get("result").asString()).isEqualTo("ok");
        assertThat(ok.get("latencyMs").asLong()).isGreaterThanOrEqualTo(50);
        assertThat(ok.has("errorCode")).isFalse();

        status = 401;
        JsonNode fail = pollOnce(yaml);
        assertThat(fail.get("result").asString()).isEqualTo("fail");
        assertThat(fail.get("errorCode").asString()).isEqualTo("HTTP_401");

        status = 200;
        delayMs = 1500;
        JsonNode timeout = pollOnce(yaml);
        assertThat(timeout.get("result").asString()).isEqualTo("timeout");
        assertThat(timeout.get("latencyMs").asLong()).isBetween(400L, 1400L);
        delayMs = 0;
        assertThat(topicOf(yaml)).isEqualTo("ioc/v1/01/00004/vneid");
    }
}
