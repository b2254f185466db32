package io.iocmonitor.collector.source;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.collector.config.ConfigNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the records of a provincial administrative-procedure system become SPEC §4 {@code dossier} events:
 * {@code fields} names, for each SPEC field, the record's field (dotted path); {@code values} translates the system's
 * codes (e.g. {@code event: {DA_TIEP_NHAN: received}}); {@code timeZone} reads timestamps written without an offset.
 *
 * <p>A record whose {@code event} code has no translation (an intermediate step such as "being processed") is not a
 * life-cycle step: it makes no event. Every other record makes one, even if a field is missing, so that the server
 * dead-letters it with the reason for an operator to see rather than the collector hiding it.
 *
 * <p>Event ids are derived from the record ({@code fields.id}, else the dossier, step and time): reading the same
 * record twice (a crash between the queue and the cursor) gives the same id, which the server counts once.
 */
final class DossierMapping {

    static final Set<String> SPEC_FIELDS = Set.of("id", "ts", "commune", "dossierId", "procedureCode", "event",
            "channel", "fullProcess", "dueAt", "digitized", "payment", "eResult", "eSigned");
    private static final Set<String> BOOLEANS = Set.of("fullProcess", "digitized", "eResult", "eSigned");
    private static final Set<String> TIMESTAMPS = Set.of("ts", "dueAt");

    /** A mapped record: the commune it belongs to and its event. */
    record Mapped(String commune, ObjectNode event) {
    }

    private final String source;
    private final Map<String, String> fields;
    private final Map<String, Map<String, String>> values;
    private final ZoneId zone;
    private final SourceContext context;

    DossierMapping(String source, Map<String, String> fields, Map<String, Map<String, String>> values, ZoneId zone,
            SourceContext context) {
        this.source = source;
        this.fields = fields;
        this.values = values;
        this.zone = zone;
        this.context = context;
    }

    static DossierMapping from(ConfigNode node, String source, SourceContext context) {
        ConfigNode fieldsNode = node.child("fields");
        fieldsNode.allowOnly(SPEC_FIELDS);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String key : fieldsNode.keys()) {
            fields.put(key, fieldsNode.string(key));
        }
        for (String required : List.of("ts", "dossierId", "procedureCode", "event")) {
            if (!fields.containsKey(required)) {
                throw fieldsNode.error(required, "is required (the record field holding the dossier's " + required
                        + ")");
            }
        }
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        ConfigNode valuesNode = node.optionalChild("values");
        if (valuesNode != null) {
            valuesNode.allowOnly(SPEC_FIELDS);
            for (String key : valuesNode.keys()) {
                values.put(key, valuesNode.stringMap(key));
            }
        }
        String zoneName = node.string("timeZone", SourceContext.ICT.getId());
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw node.error("timeZone", "\"" + zoneName + "\" is not a time zone (e.g. Asia/Ho_Chi_Minh)");
        }
        return new DossierMapping(source, fields, values, zone, context);
    }

    /** The record's event, or null if its step is not one of received, completed, cancelled. */
    @Nullable Mapped map(JsonNode record) {
        String step = raw(record, "event");
        if (step != null && values.containsKey("event") && !values.get("event").containsKey(step)) {
            return null;
        }
        ObjectNode event = context.json().createObjectNode();
        event.put("id", id(record));
        for (String field : fields.keySet()) {
            if (field.equals("id") || field.equals("commune")) {
                continue;
            }
            String value = text(record, field);
            if (value == null) {
                continue;
            }
            if (BOOLEANS.contains(field)) {
                putBoolean(event, field, value);
            } else if (TIMESTAMPS.contains(field)) {
                event.put(field, timestamp(value));
            } else {
                event.put(field, value);
            }
        }
        String commune = text(record, "commune");
        return new Mapped(commune == null || commune.isBlank() ? context.site().commune() : commune, event);
    }

    /** The record's value for a SPEC field, translated by {@code values}; null if the record has none. */
    private @Nullable String text(JsonNode record, String field) {
        String raw = raw(record, field);
        Map<String, String> translation = values.get(field);
        return raw != null && translation != null && translation.containsKey(raw) ? translation.get(raw) : raw;
    }

    /** The record's value for a SPEC field as the system wrote it. */
    private @Nullable String raw(JsonNode record, String field) {
        String path = fields.get(field);
        if (path == null || !JsonFields.present(record, path)) {
            return null;
        }
        JsonNode node = JsonFields.at(record, path);
        return node.isValueNode() ? node.asString() : node.toString();
    }

    private String id(JsonNode record) {
        String own = text(record, "id");
        String key = own != null ? "id|" + own
                : "dossier|" + text(record, "dossierId") + "|" + text(record, "event") + "|" + text(record, "ts");
        String name = context.site().province() + "|" + source + "|" + key;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void putBoolean(ObjectNode event, String field, String value) {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y", "co" -> event.put(field, true);
            case "false", "0", "no", "n", "khong" -> event.put(field, false);
            default -> event.put(field, value); // the server names the bad value in its dead letter
        }
    }

    /** RFC 3339 with offset; a local date-time is read in {@code timeZone}; a number is epoch milliseconds. */
    private String timestamp(String value) {
        String v = value.strip();
        try {
            if (v.matches("\\d{10,}")) {
                return SourceContext.rfc3339(Instant.ofEpochMilli(Long.parseLong(v)));
            }
            try {
                return SourceContext.rfc3339(OffsetDateTime.parse(v.replace(' ', 'T')).toInstant());
            } catch (DateTimeException e) {
                return SourceContext.rfc3339(LocalDateTime.parse(v.replace(' ', 'T')).atZone(zone).toInstant());
            }
        } catch (DateTimeException e) {
            return v; // the server names the bad timestamp in its dead letter
        }
    }
}
