package io.iocmonitor.collector.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.iocmonitor.collector.queue.QueuedEvent;
import io.iocmonitor.collector.source.EventSink;
import io.iocmonitor.collector.source.PeriodicSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator as a collector source: each poll hands the dossier events that have happened since the last one to
 * the disk queue, exactly as a real source does; the first poll hands the back-filled history.
 */
final class SimulatedDossierSource extends PeriodicSource {

    private static final Logger log = LoggerFactory.getLogger(SimulatedDossierSource.class);

    private final DossierSimulator dossiers;
    private final Clock clock;
    private final int backfillDays;
    private final JsonMapper json = JsonMapper.builder().build();
    private boolean backfilled;

    SimulatedDossierSource(DossierSimulator dossiers, Duration tick, Clock clock, int backfillDays) {
        super("simulator", tick);
        this.dossiers = dossiers;
        this.clock = clock;
        this.backfillDays = backfillDays;
    }

    @Override
    public void poll(EventSink sink) throws Exception {
        List<QueuedEvent> events = dossiers.advanceTo(clock.instant()).stream()
                .map(e -> new QueuedEvent(e.topic(), json.writeValueAsString(e.body())))
                .toList();
        sink.append(events);
        if (!backfilled) {
            backfilled = true;
            log.info("Simulator queued {} events of the last {} days; {} life-cycle events to come", events.size(),
                    backfillDays, dossiers.pendingCount());
        }
    }
}
