package io.iocmonitor.telemetry;

import java.time.Instant;

/**
 * Reads and validates one event object of any kind (SPEC §4): the common fields first, then those of the topic's
 * kind. Every failure names the field and the problem.
 */
final class EventReader {

    private static final int MAX_ID_LENGTH = 128;
    private static final int MAX_TEXT = 256;

    private EventReader() {
    }

    /** @param receivedAt when the message arrived */
    static TelemetryEvent read(EventFields f, Topic topic, Instant receivedAt) {
        String id = f.requireString("id", MAX_ID_LENGTH);
        Instant ts = f.requireTimestamp("ts");
        if (ts.isAfter(receivedAt.plus(TelemetryParser.MAX_CLOCK_SKEW))) {
            throw new InvalidTelemetryException(RejectReason.FUTURE_TIMESTAMP, "field \"ts\": " + ts
                    + " is more than " + TelemetryParser.MAX_CLOCK_SKEW.toMinutes() + " minutes in the future");
        }
        matchesTopic(f, "province", topic.province());
        matchesTopic(f, "commune", topic.commune());
        String p = topic.province();
        String c = topic.commune();
        return switch (topic.kind()) {
            case DOSSIER -> dossier(f, id, ts, p, c);
            case VNEID -> new VneidEvent(id, ts, p, c, f.requireEnum("result", VneidResult.class),
                    f.requireLong("latencyMs", 0), f.optionalString("errorCode"));
            case PROBE -> new ProbeEvent(id, ts, p, c, f.requireString("target", MAX_TEXT),
                    f.requireEnum("targetType", ProbeTargetType.class), f.requireEnum("method", ProbeMethod.class),
                    f.requireBoolean("up"), f.optionalLong("latencyMs", 0L), f.optionalLong("signalDbm", null));
            case SYNC -> new SyncEvent(id, ts, p, c, f.requireString("system", MAX_TEXT),
                    f.requireLong("pending", 0), f.requireLong("failed", 0), f.requireLong("lagSeconds", 0));
            case HEARTBEAT -> heartbeat(f, id, ts, p, c, receivedAt);
        };
    }

    /**
     * An {@code offline} heartbeat is a collector's MQTT last will: written when the collector connected (its
     * {@code ts} is that moment) and published by the broker when the connection dropped, so its arrival, not its
     * {@code ts}, is when the collector went silent.
     */
    private static HeartbeatEvent heartbeat(EventFields f, String id, Instant ts, String province, String commune,
            Instant receivedAt) {
        String collector = f.requireString("collector", MAX_TEXT);
        String version = f.requireString("version", MAX_TEXT);
        CollectorStatus status = f.requireEnum("status", CollectorStatus.class);
        return new HeartbeatEvent(id, status == CollectorStatus.OFFLINE ? receivedAt : ts, province, commune,
                collector, version, status, f.optionalLong("queueDepth", 0L), f.optionalLong("dropped", 0L));
    }

    private static DossierEvent dossier(EventFields f, String id, Instant ts, String province, String commune) {
        String dossierId = f.requireString("dossierId", MAX_TEXT);
        String procedureCode = f.requireString("procedureCode", MAX_TEXT);
        DossierStep step = f.requireEnum("event", DossierStep.class);
        return switch (step) {
            case RECEIVED -> DossierEvent.received(id, ts, province, commune, dossierId, procedureCode,
                    f.requireEnum("channel", Channel.class), f.requireBoolean("fullProcess"),
                    f.requireTimestamp("dueAt"), f.requireBoolean("digitized"), f.requireEnum("payment", Payment.class));
            case COMPLETED -> DossierEvent.completed(id, ts, province, commune, dossierId, procedureCode,
                    f.requireBoolean("eResult"), f.requireBoolean("eSigned"));
            case CANCELLED -> DossierEvent.cancelled(id, ts, province, commune, dossierId, procedureCode);
        };
    }

    private static void matchesTopic(EventFields f, String field, String topicValue) {
        String value = f.optionalString(field);
        if (value != null && !value.equals(topicValue)) {
            throw new InvalidTelemetryException(RejectReason.TOPIC_MISMATCH, "field \"" + field + "\": \"" + value
                    + "\" differs from the topic's \"" + topicValue + "\"");
        }
    }
}
