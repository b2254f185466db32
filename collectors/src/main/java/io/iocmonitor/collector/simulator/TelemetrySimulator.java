package io.iocmonitor.collector.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.collector.agent.BrokerSettings;
import io.iocmonitor.collector.agent.Collector;
import io.iocmonitor.collector.source.Site;

/**
 * Runs the {@link DossierSimulator} and the {@link SignalSimulator} as a collector agent with simulated sources: their
 * events go through the same disk queue and MQTT forwarder as a real collector's, so the demo exercises reality's
 * path. The queue lives in a
 * temporary folder, deleted when the simulator stops (a demo starts afresh).
 */
public final class TelemetrySimulator implements AutoCloseable {

    /** The simulator reports for all provinces; its own site only names its (unused) heartbeat topic. */
    private static final Site SITE = new Site("01", "-");
    private static final long QUEUE_BYTES = 1L << 30;
    private static final Duration SIGNAL_BACKFILL = Duration.ofMinutes(20);

    private final SimulatorSettings settings;
    private final Clock clock;
    private final DossierSimulator dossiers;
    private final SignalSimulator signals;
    private @Nullable Collector collector;
    private @Nullable Path queueDir;

    public TelemetrySimulator(SimulatorSettings settings, List<SimulatedProvince> provinces, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        Instant start = clock.instant().minus(Duration.ofDays(settings.backfillDays()));
        this.dossiers = new DossierSimulator(provinces, settings.dossiersPerCommunePerDay(), start, settings.seed());
        // the other telemetry for the last minutes only (enough to fill the alert rules' 15-minute windows): minute
        // by minute, a longer history would hold up the publishing of the dossiers' days
        this.signals = new SignalSimulator(provinces, clock.instant().minus(SIGNAL_BACKFILL), settings.seed() + 1);
    }

    public synchronized void start() throws IOException {
        Path dir = Files.createTempDirectory("ioc-simulator-");
        queueDir = dir;
        Path queue = dir.resolve("queue");
        Collector.Settings collectorSettings = new Collector.Settings("simulator",
                BrokerSettings.plain(settings.brokerUrl(), "ioc-simulator-" + ProcessHandle.current().pid(),
                        settings.username(), settings.password()),
                queue, QUEUE_BYTES, Duration.ZERO, "127.0.0.1", 0, Duration.ofMinutes(5));
        collector = Collector.start(collectorSettings, Collector.context(SITE, queue, clock),
                List.of(new SimulatedSource("simulated dossiers", dossiers::advanceTo, settings.tick(), clock),
                        new SimulatedSource("simulated signals", signals::advanceTo, settings.tick(), clock)));
    }

    @Override
    public synchronized void close() throws IOException, InterruptedException {
        Collector c = collector;
        collector = null;
        if (c != null) {
            c.close();
        }
        Path dir = queueDir;
        queueDir = null;
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
