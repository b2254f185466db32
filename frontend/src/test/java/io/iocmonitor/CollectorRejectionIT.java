package io.iocmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the broker refuses for good does not block the collector's queue: a Mosquitto of this test lets the agent
 * write only to its own commune's topics ({@code acl_file}: PUBACK reason code 0x87) and takes no packet over 2,000
 * bytes ({@code max_packet_size}, announced when the agent connects; a larger one costs the connection). The agent's
 * {@code dossier-api} source reads 30 dossier records from an HTTP API of this test: 6 of another commune, two of
 * 2,500 and 5,000 bytes, and 22 ordinary ones, whose batches are too large together and must be split until they
 * pass. The 22 must arrive, the 8 others be in the agent's dead-letter file with their reason, counted in its
 * metrics, and the queue be empty.
 */
class CollectorRejectionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int DOSSIERS = 30;

    @Test
    void refusedEventsGoToTheDeadLetterFileAndTheRestIsPublished() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("project.build.directory", "target"))
                .toAbsolutePath().resolve("collector-rejection-" + UUID.randomUUID().toString().substring(0, 8)));
        Path acl = dir.resolve("acl");
        Files.writeString(acl, "topic write ioc/v1/01/01001/#\ntopic read ioc/v1/#\n");
        // Mosquitto drops to its own user, which must read the ACL
        Files.setPosixFilePermissions(acl, PosixFilePermissions.fromString("rw-r--r--"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        int metricsPort = TestServices.freePort();
        try (ProvincialApi api = ProvincialApi.start(); TestMosquitto broker = TestMosquitto.start(dir,
                "acl_file " + acl, "max_packet_size 2000")) {
            Set<String> received = ConcurrentHashMap.newKeySet();
            MqttClient subscriber = new MqttClient(broker.url(), "rejection-it-" + run, new MemoryPersistence());
            subscriber.connect(new MqttConnectionOptions());
            // (Paho 1.2.5's subscribe(String, int, listener) calls itself forever: the array form works)
            subscriber.subscribe(new MqttSubscription[] {new MqttSubscription("ioc/v1/01/+/dossier", 1)},
                    new IMqttMessageListener[] {(topic, message) -> {
                        for (JsonNode event : JSON.readTree(message.getPayload())) {
                            received.add(event.get("dossierId").asString());
                        }
                    }});
            Set<String> expected = addRecords(api, run);
            Path queue = dir.resolve("queue");
            Path log = dir.resolve("collector.log");
            try (CollectorProcess collector = CollectorProcess.start(writeConfig(dir, broker, queue, metricsPort,
                    api.url()), metricsPort, log)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while ((received.size() < expected.size() || collector.metric("ioc_collector_queue_events") > 0)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                String context = "collector log:\n" + collector.logText() + "\nbroker log:\n" + broker.logText();
                assertThat(received).as(context).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(collector.metric("ioc_collector_queue_events")).as("the queue is not blocked; %s",
                        context).isZero();
                assertThat(collector.metric("ioc_collector_events_rejected_total")).as(context).isEqualTo(8);

                Map<String, Integer> reasons = new HashMap<>();
                for (String line : Files.readAllLines(queue.resolve("dead-letters.jsonl"))) {
                    JsonNode letter = JSON.readTree(line);
                    reasons.put(letter.get("event").get("dossierId").asString(), letter.get("reasonCode").asInt());
                }
                Map<String, Integer> refused = new HashMap<>();
                for (int seq = 5; seq <= DOSSIERS; seq += 5) {
                    refused.put(run + "-" + seq, 0x87);
                }
                refused.put(longId(run, 7, 2500), 0x95);
                refused.put(longId(run, 13, 5000), 0x95);
                assertThat(reasons).as(context).isEqualTo(refused);
                assertThat(collector.logText()).contains("reason code 0x87", "reason code 0x95",
                        "ioc/v1/01/01002/dossier");
            } finally {
                subscriber.disconnect();
                subscriber.close();
            }
        }
    }

    private static Path writeConfig(Path dir, TestMosquitto broker, Path queue, int metricsPort, String apiUrl)
            throws IOException {
        Path config = dir.resolve("collector.yaml");
        Files.writeString(config, """
                site: {province: "01", commune: "01001", collector: rejection-it}
                broker: {url: %s}
                queue: {dir: %s}
                heartbeat: {interval: 1s}
                metrics: {port: %d}
                sources:
                  - type: dossier-api
                    name: provincial-system
                    interval: 1s
                    url: %s
                    records: items
                    cursor: {param: sinceId, field: seq, start: "0"}
                    fields: {dossierId: dossier, procedureCode: procedure, event: status, ts: at, commune: commune}
                """.formatted(broker.url(), queue, metricsPort, apiUrl));
        return config;
    }

    /** The 30 records; answers the dossier ids that the broker must take. */
    private static Set<String> addRecords(ProvincialApi api, String run) {
        Set<String> accepted = new HashSet<>();
        for (int seq = 1; seq <= DOSSIERS; seq++) {
            String dossier = seq == 7 ? longId(run, seq, 2500) : seq == 13 ? longId(run, seq, 5000) : run + "-" + seq;
            String commune = seq % 5 == 0 ? "01002" : "01001";
            api.add(("{\"seq\":%d,\"dossier\":\"%s\",\"procedure\":\"1.004227\",\"status\":\"cancelled\","
                    + "\"at\":\"2025-10-14T09:00:%02d+07:00\",\"commune\":\"%s\"}").formatted(seq, dossier, seq,
                    commune));
            if (seq % 5 != 0 && seq != 7 && seq != 13) {
                accepted.add(dossier);
            }
        }
        return accepted;
    }

    private static String longId(String run, int seq, int length) {
        String prefix = run + "-" + seq + "-";
        return prefix + "x".repeat(length - prefix.length());
    }
}
