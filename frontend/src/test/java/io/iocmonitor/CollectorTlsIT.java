package io.iocmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;

import io.iocmonitor.collector.agent.CollectorAgent;

/**
 * The collector agent publishes over TLS ({@code ssl://}, {@code broker.tls.caFile}): a Mosquitto of this test with
 * a TLS listener whose certificate (made here with {@code openssl}) is trusted through the configured CA file only.
 * The test subscribes on the broker's plain listener and must receive the agent's heartbeat; since the certificate
 * is self-signed, that also shows the CA file, not the JVM's default trust, decided.
 */
class CollectorTlsIT {

    @Test
    void theAgentPublishesOverTlsTrustingTheConfiguredAuthority() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("project.build.directory", "target"))
                .toAbsolutePath().resolve("collector-tls-" + UUID.randomUUID().toString().substring(0, 8)));
        Path cert = dir.resolve("broker-cert.pem");
        Path key = dir.resolve("broker-key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(),
                "-out", cert.toString()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0)
                .as("openssl made a certificate: %s", output).isTrue();
        // Mosquitto drops to its own user; a throw-away test key may be readable by it.
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        int tlsPort = TestServices.freePort();
        try (TestMosquitto broker = TestMosquitto.start(dir, "listener " + tlsPort + " 127.0.0.1",
                "certfile " + cert, "keyfile " + key)) {
            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            MqttClient subscriber = new MqttClient(broker.url(), "tls-it-" + UUID.randomUUID(),
                    new MemoryPersistence());
            subscriber.connect(new MqttConnectionOptions());
            // (Paho 1.2.5's subscribe(String, int, listener) calls itself forever: the array form works)
            subscriber.subscribe(new MqttSubscription[] {new MqttSubscription("ioc/v1/01/01001/heartbeat", 1)},
                    new IMqttMessageListener[] {(topic, message) ->
                            received.add(new String(message.getPayload(), StandardCharsets.UTF_8))});

            Path config = dir.resolve("collector.yaml");
            Files.writeString(config, """
                    site: {province: "01", commune: "01001", collector: tls-it}
                    broker:
                      url: ssl://127.0.0.1:%d
                      tls: {caFile: %s}
                    queue: {dir: %s}
                    heartbeat: {interval: 1s}
                    """.formatted(tlsPort, cert, dir.resolve("queue")));
            Path log = dir.resolve("collector.log");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process agent = new ProcessBuilder(List.of(java.toString(), "-cp", CollectorProcess.jar().toString(),
                    CollectorAgent.class.getName(), config.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                String heartbeat = received.poll(30, TimeUnit.SECONDS);
                assertThat(heartbeat).as("a heartbeat over TLS; agent log:\n%s\nbroker log:\n%s",
                        Files.exists(log) ? Files.readString(log) : "", broker.logText())
                        .contains("\"status\":\"online\"");
            } finally {
                agent.destroy();
                agent.waitFor(20, TimeUnit.SECONDS);
                subscriber.disconnect();
                subscriber.close();
            }
            assertThat(Files.readString(log)).contains("Connected to the MQTT broker ssl://127.0.0.1:" + tlsPort);
        }
    }
}
