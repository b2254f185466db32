package io.iocmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.iocmonitor.alerting.WebhookReceiver;
import io.iocmonitor.ui.PackagedApp;

/**
 * Exactly once across instances (SPEC §6, §9): two packaged servers on one database and one broker (the test's
 * own); only the elected one notifies, so each alert reaches the webhook once; when the leader is killed with
 * SIGKILL the other takes over within 30 s and notifies what happens next, without repeating what was sent.
 */
class AlertingFailoverIT {

    private static final String RULES = """
            rules:
              - name: portal-down
                signal: probe-outage-seconds
                scope: each-commune
                match: {target_type: portal}
                condition: "> 0"
                severity: critical
                summary: {vi: "Mất Cổng DVC tại {members}", en: "Portal down at {members}"}
                runbook: {vi: "Gọi nhà mạng", en: "Call the carrier"}
            """;

    @TempDir
    Path dir;

    @Test
    void oneNotificationPerAlertAndFailoverWithin30Seconds() throws Exception {
        IngestServer.requirePostgres();
        String database = IngestServer.newDatabaseName("alertfo");
        TestServices.createDatabase(database);
        Path rules = Files.createDirectories(dir.resolve("alert-rules"));
        Files.writeString(rules.resolve("sites.yaml"), RULES);
        try (TestMosquitto broker = TestMosquitto.start(Files.createDirectories(dir.resolve("broker")));
                WebhookReceiver webhook = new WebhookReceiver(0)) {
            String[] alerting = {"--ioc.alert-rules.dir=" + rules, "--ioc.alerting.evaluation-interval=500ms",
                    "--ioc.alerting.channels.hook.webhook=" + webhook.url("/hook")};
            PackagedApp first = IngestServer.start(database, broker, "ioc-fo-a-" + UUID.randomUUID(), alerting);
            first.awaitLog("This instance is now the alert evaluator", Duration.ofSeconds(30));
            PackagedApp second = IngestServer.start(database, broker, "ioc-fo-b-" + UUID.randomUUID(), alerting);
            MqttClient publisher = new MqttClient(broker.url(), "ioc-fo-pub-" + UUID.randomUUID(),
                    new MemoryPersistence());
            try (first; second) {
                publisher.connect(new MqttConnectionOptions());
                outage(publisher, "01", "01001", false, "a");
                await(() -> firing(webhook, "01").size() == 1, Duration.ofSeconds(20));
                Thread.sleep(3000);
                assertThat(webhook.received("/hook")).as("two instances, one message").hasSize(1);
                assertThat(second.logTail(400)).doesNotContain("This instance is now the alert evaluator");

                first.kill();
                Instant killed = Instant.now();
                outage(publisher, "79", "79001", false, "b");
                outage(publisher, "01", "01001", true, "c");
                await(() -> firing(webhook, "79").size() == 1 && resolved(webhook, "01").size() == 1,
                        Duration.ofSeconds(40));
                Duration failover = Duration.between(killed, Instant.ofEpochMilli(
                        firing(webhook, "79").getFirst().receivedAtMillis()));
                assertThat(failover).as("from SIGKILL of the leader to the next notification")
                        .isLessThan(Duration.ofSeconds(30));
                second.awaitLog("This instance is now the alert evaluator", Duration.ofSeconds(1));
                Thread.sleep(3000);
                assertThat(firing(webhook, "01")).as("the new leader does not repeat what was sent").hasSize(1);
                assertThat(webhook.received("/hook")).hasSize(3);
                System.out.println("alerting failover: " + failover.toMillis() + " ms from SIGKILL to the new "
                        + "leader's first notification");
            } finally {
                if (publisher.isConnected()) {
                    publisher.disconnect();
                }
                publisher.close();
                TestServices.dropDatabase(database);
            }
        }
    }

    /** Three consecutive failed probes (an outage), or one success (its end), of the site's portal target. */
    private static void outage(MqttClient publisher, String province, String commune, boolean up, String prefix)
            throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = up ? 0 : 3; i >= (up ? 0 : 1); i--) {
            String payload = """
                    {"id":"%s-%s-%d","ts":"%s","target":"dvc","targetType":"portal","method":"http","up":%s}"""
                    .formatted(prefix, commune, i, now.minusSeconds(60L * i), up);
            MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            publisher.publish("ioc/v1/" + province + "/" + commune + "/probe", message);
        }
    }

    private static List<WebhookReceiver.Received> firing(WebhookReceiver webhook, String province) {
        return messages(webhook, "firing", province);
    }

    private static List<WebhookReceiver.Received> resolved(WebhookReceiver webhook, String province) {
        return messages(webhook, "resolved", province);
    }

    private static List<WebhookReceiver.Received> messages(WebhookReceiver webhook, String status, String province) {
        return webhook.received("/hook").stream()
                .filter(r -> r.body().get("status").asString().equals(status)
                        && r.body().get("alert").get("labels").get("province").asString().equals(province))
                .toList();
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }
}
