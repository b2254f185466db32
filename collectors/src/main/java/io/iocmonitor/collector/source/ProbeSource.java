package io.iocmonitor.collector.source;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/** A network probe of one target: each poll makes one {@code probe} event (SPEC §4). */
final class ProbeSource extends PeriodicSource {

    static final List<String> TARGET_TYPES = List.of("portal", "provincial-system", "vneid", "internet", "database");
    static final List<String> METHODS = List.of("icmp", "tcp", "http", "dns", "modem");

    private final String target;
    private final String targetType;
    private final ProbeCheck check;
    private final SourceContext context;

    ProbeSource(String name, Duration interval, String target, String targetType, ProbeCheck check,
            SourceContext context) {
        super(name, interval);
        this.target = target;
        this.targetType = targetType;
        this.check = check;
        this.context = context;
    }

    @Override
    public void poll(EventSink sink) throws Exception {
        ObjectNode event = context.newEvent(context.clock().instant());
        ProbeResult result = check.check();
        event.put("target", target);
        event.put("targetType", targetType);
        event.put("method", result.method());
        event.put("up", result.up());
        if (result.latencyMs() != null) {
            event.put("latencyMs", result.latencyMs());
        }
        if (result.signalDbm() != null) {
            event.put("signalDbm", result.signalDbm());
        }
        sink.append(List.of(context.queued("probe", event)));
    }
}
