package io.iocmonitor.telemetry;

import java.time.Instant;

/** Reads and validates the fields of one {@code dossier} event (SPEC §4). */
final class DossierEventReader {

    private static final int MAX_ID_LENGTH = 128;
    private static final int MAX_TEXT = 128;

    private DossierEventReader() {
    }

    static DossierEvent read(EventFields f, Topic topic, Instant latestAllowed) {
        String id = f.requireString("id", MAX_ID_LENGTH);
        Instant ts = f.requireTimestamp("ts");
        if (ts.isAfter(latestAllowed)) {
            throw new InvalidTelemetryException(RejectReason.FUTURE_TIMESTAMP, "field \"ts\": " + ts + " is more than "
                    + TelemetryParser.MAX_CLOCK_SKEW.toMinutes() + " minutes in the future");
        }
        matchesTopic(f, "province", topic.province());
        matchesTopic(f, "commune", topic.commune());
        String dossierId = f.requireString("dossierId", MAX_TEXT);
        String procedureCode = f.requireString("procedureCode", MAX_TEXT);
        DossierStep step = f.requireEnum("event", DossierStep.class);
        return switch (step) {
            case RECEIVED -> DossierEvent.received(id, ts, topic.province(), topic.commune(), dossierId, procedureCode,
                    f.requireEnum("channel", Channel.class), f.requireBoolean("fullProcess"),
                    f.requireTimestamp("dueAt"), f.requireBoolean("digitized"), f.requireEnum("payment", Payment.class));
            case COMPLETED -> DossierEvent.completed(id, ts, topic.province(), topic.commune(), dossierId,
                    procedureCode, f.requireBoolean("eResult"), f.requireBoolean("eSigned"));
            case CANCELLED -> DossierEvent.cancelled(id, ts, topic.province(), topic.commune(), dossierId,
                    procedureCode);
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
