package io.iocmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.iocmonitor.ui.PackagedApp;

/**
 * The collector agent loses nothing through a broker outage and a {@code kill -9} of its own (SPEC §3, issue 6).
 *
 * <p>Real parts throughout: the packaged server on a fresh database of the machine's PostgreSQL; a Mosquitto of this
 * test with persistence, stopped and started again on its port; the agent's jar as a separate JVM; and, standing in
 * for the provincial administrative-procedure system, an HTTP API in this test that the agent's {@code dossier-api}
 * source pages through with a cursor. The test releases dossier records in four lots:
 * <ol>
 * <li>1,000 while all is up: the server must store them;</li>
 * <li>the broker is stopped, 1,000 more are released; once the agent has queued them on disk (its cursor says so) it
 * is killed with SIGKILL and started again; 1,000 more are released and queued;</li>
 * <li>the broker is started again: the server must have exactly 3,000 dossier events and the agent's queue be
 * empty;</li>
 * <li>1,000 more are released and the agent is killed with SIGKILL while it reads and publishes them, then started
 * again: the server must end with exactly 4,000 dossier events, 4,000 distinct ids, no dead letter (an event the
 * broker had acknowledged just before the kill may go out again: the server recognises it as a duplicate).</li>
 * </ol>
 */
class CollectorOutageIT {

    private static final int LOT = 1_000;
    private static final String DOSSIER_EVENTS = "SELECT count(*) FROM dossier_event";

    @Test
    void aBrokerOutageAndAKilledCollectorLoseNothingAndCountNothingTwice() throws Exception {
        IngestServer.requirePostgres();
        String run = "col" + UUID.randomUUID().toString().substring(0, 8);
        String database = IngestServer.newDatabaseName("collector");
        Path target = Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath();
        Path work = Files.createDirectories(target.resolve("collector-it-" + run));
        TestServices.createDatabase(database);
        int brokerPort = TestServices.freePort();
        int metricsPort = TestServices.freePort();
        ProvincialApi api = ProvincialApi.start();
        TestMosquitto broker = TestMosquitto.startPersistent(work.resolve("broker"), brokerPort);
        PackagedApp server = null;
        CollectorProcess collector = null;
        try {
            server = IngestServer.start(database, broker, "ioc-it-" + run);
            Path config = writeConfig(work, brokerPort, metricsPort, api.url());
            Path cursor = work.resolve("queue-state/provincial-system.cursor");
            Path log = work.resolve("collector.log");
            collector = CollectorProcess.start(config, metricsPort, log);

            release(api, run, LOT);
            assertThat(IngestServer.awaitCount(database, DOSSIER_EVENTS, LOT, Duration.ofSeconds(20),
                    Duration.ofSeconds(90))).as("the first lot, all up; collector log %s", log).isEqualTo(LOT);

            broker.close();
            release(api, run, LOT);
            awaitCursor(cursor, 2 * LOT, collector);
            long queuedAtKill = collector.metric("ioc_collector_queue_events");
            assertThat(queuedAtKill).as("events waiting on disk for the broker").isGreaterThanOrEqualTo(LOT);
            collector.kill();
            collector = CollectorProcess.start(config, metricsPort, log);
            assertThat(collector.metric("ioc_collector_queue_events")).as("the queue after kill -9 and restart")
                    .isGreaterThanOrEqualTo(queuedAtKill);
            release(api, run, LOT);
            awaitCursor(cursor, 3 * LOT, collector);
            assertThat(IngestServer.queryLong(database, DOSSIER_EVENTS)).as("nothing arrives while the broker is down")
                    .isEqualTo(LOT);

            broker = TestMosquitto.startPersistent(work.resolve("broker"), brokerPort);
            assertThat(IngestServer.awaitCount(database, DOSSIER_EVENTS, 3 * LOT, Duration.ofSeconds(30),
                    Duration.ofSeconds(180))).as("after the outage; collector log %s, server log %s", log, server.log())
                    .isEqualTo(3 * LOT);

            release(api, run, LOT);
            long committed = IngestServer.queryLong(database, DOSSIER_EVENTS);
            long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (committed < 3 * LOT + 1 && System.nanoTime() < waitUntil) {
                Thread.sleep(20);
                committed = IngestServer.queryLong(database, DOSSIER_EVENTS);
            }
            collector.kill();
            System.out.printf("CollectorOutageIT: killed the collector (SIGKILL) with %d of %d dossier events stored%n",
                    committed, 4 * LOT);
            collector = CollectorProcess.start(config, metricsPort, log);
            long stored = IngestServer.awaitCount(database, DOSSIER_EVENTS, 4 * LOT, Duration.ofSeconds(30),
                    Duration.ofSeconds(120));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (collector.metric("ioc_collector_queue_events") > 0 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            Thread.sleep(1000); // repeats, if any, reach the server after the originals
            double duplicates = IngestServer.metric(server, "ioc_ingest_events_total", "result=\"duplicate\"");
            long published = collector.metric("ioc_collector_events_published_total");
            System.out.printf("CollectorOutageIT: %d dossier records released, %d dossier events stored (%d distinct"
                    + " ids), %.0f duplicates recognised by the server, %d dead letters; the restarted collector"
                    + " published %d events (dossier and heartbeat)%n", 4 * LOT, stored,
                    IngestServer.queryLong(database, "SELECT count(DISTINCT event_id) FROM dossier_event"), duplicates,
                    IngestServer.queryLong(database, "SELECT count(*) FROM dead_letter"), published);

            assertThat(stored).as("every event arrives; collector log %s, server log %s", log, server.log())
                    .isEqualTo(4 * LOT);
            assertThat(IngestServer.queryLong(database, "SELECT count(DISTINCT event_id) FROM dossier_event"))
                    .isEqualTo(4 * LOT);
            assertThat(IngestServer.queryLong(database, "SELECT count(*) FROM dossier")).isEqualTo(4 * LOT);
            assertThat(IngestServer.queryLong(database, "SELECT count(*) FROM dead_letter")).isZero();
            assertThat(collector.metric("ioc_collector_queue_events")).as("the collector's queue is empty").isZero();
            assertThat(collector.metric("ioc_collector_events_dropped_total")).isZero();
            assertThat(collector.logText()).contains("unsent events from a previous run");
        } finally {
            if (collector != null) {
                collector.close();
            }
            if (server != null) {
                server.close();
            }
            broker.close();
            api.close();
            TestServices.dropDatabase(database);
        }
    }

    private static Path writeConfig(Path work, int brokerPort, int metricsPort, String apiUrl) throws IOException {
        Path config = work.resolve("collector.yaml");
        Files.writeString(config, """
                site:
                  province: "01"
                  commune: "01001"
                  collector: outage-it
                broker:
                  url: tcp://127.0.0.1:%d
                queue:
                  dir: %s
                  maxBytes: 64MiB
                heartbeat:
                  interval: 5s
                metrics:
                  port: %d
                  logInterval: 5s
                sources:
                  - type: dossier-api
                    name: provincial-system
                    interval: 500ms
                    url: %s
                    records: items
                    pageSize: 200
                    cursor: {param: sinceId, field: seq, start: "0"}
                    fields:
                      dossierId: dossier
                      procedureCode: procedure
                      event: status
                      ts: at
                      commune: commune
                      channel: channel
                      fullProcess: fullProcess
                      dueAt: dueAt
                      digitized: digitized
                      payment: payment
                """.formatted(brokerPort, work.resolve("queue"), metricsPort, apiUrl));
        return config;
    }

    /** Makes {@code count} more dossiers received in October 2025 visible to the collector. */
    private static void release(ProvincialApi api, String run, int count) {
        for (int i = 0; i < count; i++) {
            int seq = api.nextSeq();
            api.add(("{\"seq\":%d,\"dossier\":\"%s-%d\",\"procedure\":\"1.004227\",\"status\":\"received\","
                    + "\"at\":\"2025-10-14T09:%02d:%02d+07:00\",\"commune\":\"%s\",\"channel\":\"online\","
                    + "\"fullProcess\":true,\"dueAt\":\"2025-10-21T17:00:00+07:00\",\"digitized\":true,"
                    + "\"payment\":\"online\"}").formatted(seq, run, seq, seq / 60 % 60, seq % 60,
                    DossierLoadPublisher.communeCode(seq)));
        }
    }

    private static void awaitCursor(Path cursor, int expected, CollectorProcess collector) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String value = "";
        while (System.nanoTime() < deadline) {
            value = Files.exists(cursor) ? Files.readString(cursor).strip() : "";
            if (value.equals(Integer.toString(expected))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the collector's cursor is \"" + value + "\", not " + expected + ". Its log:\n"
                + collector.logText());
    }
}
