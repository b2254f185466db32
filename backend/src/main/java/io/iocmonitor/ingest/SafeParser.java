package io.iocmonitor.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.iocmonitor.telemetry.ParsedMessage;
import io.iocmonitor.telemetry.RejectReason;
import io.iocmonitor.telemetry.TelemetryParser;

/** The telemetry parser with a last line of defence: a bug in parsing one message makes it a dead letter. */
final class SafeParser {

    private static final Logger log = LoggerFactory.getLogger(SafeParser.class);

    private final TelemetryParser parser;

    SafeParser(TelemetryParser parser) {
        this.parser = parser;
    }

    ParsedMessage parse(String topic, byte[] payload) {
        try {
            return parser.parse(topic, payload);
        } catch (RuntimeException e) {
            log.error("Unexpected failure parsing a message on {}", topic, e);
            return new ParsedMessage(List.of(), List.of(TelemetryParser.reject(topic,
                    new String(payload, StandardCharsets.UTF_8), RejectReason.INTERNAL_ERROR,
                    "internal error while parsing: " + e)));
        }
    }
}
