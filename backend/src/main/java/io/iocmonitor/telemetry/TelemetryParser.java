package io.iocmonitor.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one MQTT message into events, validating it against SPEC §4. A message-level fault (topic, size,
 * JSON syntax, unknown province or commune) rejects the whole message; a fault in one element of a batch
 * rejects that element alone.
 */
public final class TelemetryParser {

    public static final int MAX_MESSAGE_BYTES = 256 * 1024;
    public static final int MAX_DEAD_LETTER_PAYLOAD = 64 * 1024;
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

    private final KnownSites sites;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public TelemetryParser(KnownSites sites, Clock clock) {
        this.sites = sites;
        this.clock = clock;
    }

    public ParsedMessage parse(String topicName, byte[] payload) {
        if (payload.length > MAX_MESSAGE_BYTES) {
            return ParsedMessage.rejected(reject(topicName, payload, RejectReason.TOO_LARGE,
                    "message of " + payload.length + " bytes exceeds the limit of " + MAX_MESSAGE_BYTES + " bytes"));
        }
        Topic topic;
        JsonNode root;
        try {
            topic = Topic.parse(topicName);
            checkSite(topic);
            root = json.readTree(payload);
        } catch (InvalidTelemetryException e) {
            return ParsedMessage.rejected(reject(topicName, payload, e.reason(), e.getMessage()));
        } catch (JacksonException e) {
            return ParsedMessage.rejected(reject(topicName, payload, RejectReason.INVALID_JSON, "not valid JSON: " + e.getOriginalMessage()));
        }
        List<JsonNode> elements = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(elements::add);
        } else {
            elements.add(root);
        }
        List<TelemetryEvent> events = new ArrayList<>(elements.size());
        List<Rejection> rejections = new ArrayList<>();
        Instant receivedAt = clock.instant();
        for (JsonNode element : elements) {
            try {
                events.add(EventReader.read(new EventFields(element), topic, receivedAt));
            } catch (InvalidTelemetryException e) {
                rejections.add(reject(topicName, element.toString(), e.reason(), e.getMessage()));
            }
        }
        return new ParsedMessage(events, rejections);
    }

    private void checkSite(Topic topic) {
        if (!sites.isProvince(topic.province())) {
            throw new InvalidTelemetryException(RejectReason.UNKNOWN_PROVINCE, "unknown province \"" + topic.province() + "\"");
        }
        if (!topic.isProvinceLevel() && !sites.isCommuneOf(topic.province(), topic.commune())) {
            throw new InvalidTelemetryException(RejectReason.UNKNOWN_COMMUNE,
                    "commune \"" + topic.commune() + "\" is not in the registry of province " + topic.province());
        }
    }

    private static Rejection reject(String topic, byte[] payload, RejectReason kind, String reason) {
        return reject(topic, new String(payload, StandardCharsets.UTF_8), kind, reason);
    }

    /** A rejection with the payload cut to what the dead-letter store keeps. */
    public static Rejection reject(String topic, String payload, RejectReason kind, String reason) {
        String kept = payload.length() > MAX_DEAD_LETTER_PAYLOAD ? payload.substring(0, MAX_DEAD_LETTER_PAYLOAD) : payload;
        return new Rejection(topic, kept, reason, kind);
    }
}
