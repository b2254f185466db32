package io.iocmonitor.collector.source;

import java.net.http.HttpClient;

/** Up when the HTTP(S) check passes: the expected status and, if configured, the keyword in the body. */
record HttpProbeCheck(HttpCheck request, HttpClient http) implements ProbeCheck {

    @Override
    public ProbeResult check() throws InterruptedException {
        HttpCheck.Outcome outcome = request.run(http);
        return new ProbeResult(outcome.ok(), "http", outcome.ok() ? outcome.latencyMs() : null, null);
    }
}
