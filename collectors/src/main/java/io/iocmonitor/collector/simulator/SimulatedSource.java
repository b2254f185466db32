package io.iocmonitor.collector.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.iocmonitor.collector.queue.QueuedEvent;
import io.iocmonitor.collector.source.EventSink;
import io.iocmonitor.collector.source.PeriodicSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulator as a collector source: each poll hands the events that have happened since the last one to the disk
 * queue, exactly as a real source does; the first poll hands the back-filled history.
 */
final class SimulatedSource extends PeriodicSource {

    private static final Logger log = LoggerFactory.getLogger(SimulatedSource.class);

    private final Function<Instant, List<SimulatedEvent>> advance;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private boolean backfilled;

    /** {@code advance} gives the events from the last call up to the given moment, in time order. */
    SimulatedSource(String name, Function<Instant, List<SimulatedEvent>> advance, Duration tick, Clock clock) {
        super(name, tick);
        this.advance = advance;
        this.clock = clock;
    }

    @Override
    public void poll(EventSink sink) throws Exception {
        List<QueuedEvent> events = advance.apply(clock.instant()).stream()
                .map(e -> new QueuedEvent(e.topic(), json.writeValueAsString(e.body())))
                .toList();
        sink.append(events);
        if (!backfilled) {
            backfilled = true;
            log.info("Simulator ({}) queued {} events of its back-fill", name(), events.size());
        }
    }
}
