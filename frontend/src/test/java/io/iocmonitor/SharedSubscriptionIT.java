package io.iocmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.iocmonitor.ui.PackagedApp;

/**
 * Several server instances split the stream through an MQTT 5 shared subscription ({@code ioc.mqtt.shared-group})
 * and every event is still stored exactly once.
 *
 * <p>Two packaged servers run as separate processes with distinct client ids and {@code --ioc.mqtt.shared-group=ioc}
 * on one broker and one fresh database on the machine's PostgreSQL. A publisher in this JVM sends 5,000 valid
 * {@code received} dossier events for the communes of province 01 as single QoS 1 messages, as fast as the broker
 * takes them. Then: 5,000 raw events, ids and dossiers, none twice; each server stored some
 * ({@code ioc_ingest_events_total{result="stored"}} of its {@code /actuator/prometheus} above 0) and the two stored
 * 5,000 together, with no duplicate seen (a message of a shared subscription goes to one member only).
 *
 * <p>The broker is a {@link TestMosquitto} on a free port, like in {@link IngestDurabilityIT}, so that the machine's
 * Mosquitto configuration (at most 1,000 queued messages per client, the rest dropped) cannot lose messages when the
 * publisher outruns a server. Needs PostgreSQL on 127.0.0.1:5432 and a {@code mosquitto} binary.
 *
 * <p>The servers are started one after the other: two instances starting together on an empty database race to seed
 * the placeholder communes ({@code ReferenceData} reads which provinces have communes, then inserts the rest, with no
 * lock between the two), and the slower one fails on {@code commune_pkey}.
 */
class SharedSubscriptionIT {

    private static final int EVENTS = 5_000;
    private static final String INGESTED = "SELECT count(*) FROM ingested_event";
    private static final String STORED = "result=\"stored\"";
    private static final String DUPLICATE = "result=\"duplicate\"";

    @Test
    void twoServersOnOneSharedSubscriptionEachTakeAShareAndStoreEveryEventOnce() throws Exception {
        IngestServer.requirePostgres();
        String run = "shr" + UUID.randomUUID().toString().substring(0, 8);
        String database = IngestServer.newDatabaseName("shared");
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        TestServices.createDatabase(database);
        PackagedApp a = null;
        PackagedApp b = null;
        try (TestMosquitto broker = TestMosquitto.start(target)) {
            a = IngestServer.start(database, broker, "ioc-it-" + run + "-a", "--ioc.mqtt.shared-group=ioc");
            a.awaitLog("Subscribed to $share/ioc/ioc/v1/#", Duration.ofSeconds(5));
            b = IngestServer.start(database, broker, "ioc-it-" + run + "-b", "--ioc.mqtt.shared-group=ioc");
            b.awaitLog("Subscribed to $share/ioc/ioc/v1/#", Duration.ofSeconds(5));

            long start = System.nanoTime();
            try (DossierLoadPublisher publisher = DossierLoadPublisher.connect(broker.url(), run, 500)) {
                for (int i = 0; i < EVENTS; i++) {
                    publisher.publishSingle(i);
                }
                publisher.awaitAcknowledged(Duration.ofSeconds(30));
            }
            long stored = IngestServer.awaitCount(database, INGESTED, EVENTS, Duration.ofSeconds(15),
                    Duration.ofSeconds(60));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(stored).as("events stored; logs: %s, %s", a.log(), b.log()).isEqualTo(EVENTS);

            // The counters move right after the commit the rows come from.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            double storedByA = IngestServer.metric(a, "ioc_ingest_events_total", STORED);
            double storedByB = IngestServer.metric(b, "ioc_ingest_events_total", STORED);
            while (storedByA + storedByB < EVENTS && System.nanoTime() < deadline) {
                Thread.sleep(200);
                storedByA = IngestServer.metric(a, "ioc_ingest_events_total", STORED);
                storedByB = IngestServer.metric(b, "ioc_ingest_events_total", STORED);
            }
            double duplicates = IngestServer.metric(a, "ioc_ingest_events_total", DUPLICATE)
                    + IngestServer.metric(b, "ioc_ingest_events_total", DUPLICATE);
            System.out.printf("SharedSubscriptionIT: %d events stored in %.1f s, %.0f by the first server and %.0f by"
                    + " the second, %.0f duplicates%n", stored, seconds, storedByA, storedByB, duplicates);

            assertThat(IngestServer.queryLong(database, "SELECT count(*) FROM dossier_event")).isEqualTo(EVENTS);
            assertThat(IngestServer.queryLong(database, "SELECT count(DISTINCT event_id) FROM dossier_event"))
                    .isEqualTo(EVENTS);
            assertThat(IngestServer.queryLong(database, "SELECT count(*) FROM dossier")).isEqualTo(EVENTS);
            assertThat(IngestServer.queryLong(database, "SELECT count(*) FROM dead_letter")).isZero();
            assertThat(storedByA).as("events stored by the first server").isPositive();
            assertThat(storedByB).as("events stored by the second server").isPositive();
            assertThat(storedByA + storedByB).as("events stored by both servers together").isEqualTo(EVENTS);
            assertThat(duplicates).as("duplicates seen: a message went to both servers").isZero();
            assertThat(IngestServer.receivedInOctober(a, EVENTS)).as("received dossiers counted by GET /api/v1/kpis")
                    .isEqualTo(EVENTS);
        } finally {
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
            TestServices.dropDatabase(database);
        }
    }
}
