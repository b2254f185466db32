package io.iocmonitor.collector.source;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * A synthetic VNeID login: each poll performs the configured login request and makes one {@code vneid} event with
 * its outcome ({@code ok}, {@code fail}, {@code timeout}), latency and, on failure, an error code.
 */
final class VneidLoginProbe extends PeriodicSource {

    private final HttpCheck login;
    private final SourceContext context;

    VneidLoginProbe(String name, Duration interval, HttpCheck login, SourceContext context) {
        super(name, interval);
        this.login = login;
        this.context = context;
    }

    @Override
    public void poll(EventSink sink) throws Exception {
        ObjectNode event = context.newEvent(context.clock().instant());
        HttpCheck.Outcome outcome = login.run(context.http());
        event.put("result", outcome.ok() ? "ok" : outcome.timedOut() ? "timeout" : "fail");
        event.put("latencyMs", outcome.latencyMs());
        if (outcome.errorCode() != null && !outcome.timedOut()) {
            event.put("errorCode", outcome.errorCode());
        }
        sink.append(List.of(context.queued("vneid", event)));
    }
}
