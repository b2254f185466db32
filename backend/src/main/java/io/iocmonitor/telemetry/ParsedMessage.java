package io.iocmonitor.telemetry;

import java.util.List;

/** What one MQTT message yielded: the valid events and a rejection for each bad part. */
public record ParsedMessage(List<TelemetryEvent> events, List<Rejection> rejections) {

    static ParsedMessage rejected(Rejection rejection) {
        return new ParsedMessage(List.of(), List.of(rejection));
    }
}
