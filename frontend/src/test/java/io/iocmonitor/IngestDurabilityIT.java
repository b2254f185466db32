package io.iocmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.iocmonitor.ui.PackagedApp;

/**
 * Ingestion survives a crash of the server: nothing lost, nothing counted twice (SPEC §4, QoS 1 with acknowledgement
 * after commit).
 *
 * <p>The packaged server runs as a separate process on the machine's PostgreSQL (a fresh database) and a broker of
 * this test, with a stable MQTT client id and a persistent session ({@code --ioc.mqtt.session-expiry=10m}). A publisher
 * in this JVM (Paho MQTT 5, QoS 1) sends 20,000 valid {@code received} dossier events for the communes of province 01,
 * each of a dossier of its own, as single messages and batches of 100 at a steady 2,500 events/s. While it sends and
 * once the server has committed a fifth of them, the server is killed with SIGKILL ({@code kill -9}: no graceful
 * stop, the batch in its transaction is rolled back by PostgreSQL, the messages it had received stay unacknowledged at
 * the broker). The publisher carries on while the server is down (the broker queues for the server's session), then
 * repeats the 1,000 events around the point of the crash, as a collector's store-and-forward would. The server is
 * restarted with the same client id and database; once the count settles there must be exactly 20,000 raw events,
 * 20,000 claimed ids, 20,000 dossiers, no dead letter, and GET /api/v1/kpis must count 20,000 received dossiers.
 *
 * <p>The broker is a {@link TestMosquitto} on a free port rather than the machine's Mosquitto on 1883: with the
 * machine's default configuration Mosquitto queues at most 1,000 messages for an absent client and silently drops the
 * rest, which would lose messages in the broker while the server is down and make this test fail for a reason outside
 * the server. The test broker queues without limit. Needs PostgreSQL on 127.0.0.1:5432 and a {@code mosquitto}
 * binary; fails with a clear message without them (CI's {@code .ci/run} provides both).
 */
class IngestDurabilityIT {

    private static final int EVENTS = 20_000;
    private static final double EVENTS_PER_SECOND = 2_500;
    private static final int KILL_AFTER_COMMITTED = EVENTS / 5;
    private static final int REPEATED = 1_000;
    private static final String INGESTED = "SELECT count(*) FROM ingested_event";

    @Test
    void aServerKilledWhileEventsArriveLosesNothingAndCountsNothingTwice() throws Exception {
        IngestServer.requirePostgres();
        String run = "dur" + UUID.randomUUID().toString().substring(0, 8);
        String database = IngestServer.newDatabaseName("durability");
        String clientId = "ioc-it-" + run;
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        TestServices.createDatabase(database);
        PackagedApp first = null;
        PackagedApp second = null;
        try (TestMosquitto broker = TestMosquitto.start(target)) {
            first = IngestServer.start(database, broker, clientId);
            try (DossierLoadPublisher publisher = DossierLoadPublisher.connect(broker.url(), run, 500)) {
                CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                    try {
                        publisher.publishMixed(0, EVENTS, EVENTS_PER_SECOND);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });

                long committed = IngestServer.queryLong(database, INGESTED);
                long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (committed < KILL_AFTER_COMMITTED && !sending.isDone() && System.nanoTime() < waitUntil) {
                    Thread.sleep(100);
                    committed = IngestServer.queryLong(database, INGESTED);
                }
                int publishedAtKill = publisher.eventsPublished();
                assertThat(committed).as("events committed by the first server before the kill; its log: %s",
                        first.log()).isGreaterThanOrEqualTo(KILL_AFTER_COMMITTED);
                assertThat(sending).as("the publisher must still be sending when the server is killed").isNotDone();
                first.kill();
                Thread.sleep(500); // a COMMIT already on its way to PostgreSQL still lands
                long committedAtKill = IngestServer.queryLong(database, INGESTED);
                System.out.printf("IngestDurabilityIT: killed the server (SIGKILL) with %d events published and %d"
                        + " committed%n", publishedAtKill, committedAtKill);

                sending.get(60, TimeUnit.SECONDS);
                int from = (int) Math.max(0, committedAtKill - REPEATED / 2) / 100 * 100;
                publisher.publishMixed(from, from + REPEATED, 0);
                publisher.awaitAcknowledged(Duration.ofSeconds(30));
                assertThat(IngestServer.queryLong(database, INGESTED)).as("nothing is stored while the server is down")
                        .isEqualTo(committedAtKill);
            }

            long restart = System.nanoTime();
            second = IngestServer.start(database, broker, clientId);
            long stored = IngestServer.awaitCount(database, INGESTED, EVENTS, Duration.ofSeconds(20),
                    Duration.ofSeconds(90));
            assertThat(stored).as("events stored after the restart; logs: %s, %s", first.log(), second.log())
                    .isEqualTo(EVENTS);
            // The repeats come after the originals in the broker's queue: wait until the server has seen them all.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (IngestServer.metric(second, "ioc_ingest_events_total", "result=\"duplicate\"") < REPEATED
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(1000);
            double duplicates = IngestServer.metric(second, "ioc_ingest_events_total", "result=\"duplicate\"");
            double storedBySecond = IngestServer.metric(second, "ioc_ingest_events_total", "result=\"stored\"");
            System.out.printf("IngestDurabilityIT: the restarted server stored %.0f events and recognised %.0f"
                    + " duplicates; %d events stored in all, %.1f s after the restart%n", storedBySecond, duplicates,
                    stored, (System.nanoTime() - restart) / 1e9);

            assertThat(IngestServer.queryLong(database, INGESTED)).isEqualTo(EVENTS);
            assertThat(IngestServer.queryLong(database,
                    "SELECT count(*) FROM ingested_event WHERE event_id LIKE '" + run + "-e%'")).isEqualTo(EVENTS);
            assertThat(IngestServer.queryLong(database, "SELECT count(*) FROM dossier_event")).isEqualTo(EVENTS);
            assertThat(IngestServer.queryLong(database, "SELECT count(DISTINCT event_id) FROM dossier_event"))
                    .isEqualTo(EVENTS);
            assertThat(IngestServer.queryLong(database, "SELECT count(*) FROM dossier")).isEqualTo(EVENTS);
            assertThat(IngestServer.queryLong(database, "SELECT count(*) FROM dead_letter")).isZero();
            assertThat(duplicates).as("the repeated events are recognised as duplicates").isGreaterThanOrEqualTo(REPEATED);
            assertThat(IngestServer.receivedInOctober(second, EVENTS)).as("received dossiers counted by GET /api/v1/kpis")
                    .isEqualTo(EVENTS);
        } finally {
            if (second != null) {
                second.close();
            }
            if (first != null) {
                first.close();
            }
            TestServices.dropDatabase(database);
        }
    }
}
