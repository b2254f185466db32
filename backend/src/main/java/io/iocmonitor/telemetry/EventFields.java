package io.iocmonitor.telemetry;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** Typed access to the fields of one event object; every failure names the field and the problem. */
final class EventFields {

    private final JsonNode node;

    EventFields(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidTelemetryException(RejectReason.NOT_AN_OBJECT, "event is not a JSON object");
        }
        this.node = node;
    }

    String requireString(String field, int maxLength) {
        JsonNode value = require(field);
        if (!value.isString()) {
            throw wrongType(field, "a string", value);
        }
        String s = value.stringValue();
        if (s.isEmpty() || s.length() > maxLength) {
            throw new InvalidTelemetryException(RejectReason.BAD_VALUE,
                    "field \"" + field + "\": length " + s.length() + " is outside 1–" + maxLength);
        }
        return storable(field, s);
    }

    @Nullable String optionalString(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw wrongType(field, "a string", value);
        }
        return storable(field, value.stringValue());
    }

    // PostgreSQL text cannot hold NUL: such an event would fail its whole batch's transaction again and again.
    private static String storable(String field, String s) {
        if (s.indexOf('\u0000') >= 0) {
            throw new InvalidTelemetryException(RejectReason.BAD_VALUE,
                    "field \"" + field + "\": contains a NUL character (\\u0000), which cannot be stored");
        }
        return s;
    }

    boolean requireBoolean(String field) {
        JsonNode value = require(field);
        if (!value.isBoolean()) {
            throw wrongType(field, "true or false", value);
        }
        return value.booleanValue();
    }

    Instant requireTimestamp(String field) {
        JsonNode value = require(field);
        if (!value.isString()) {
            throw wrongType(field, "an RFC 3339 timestamp string", value);
        }
        try {
            return Rfc3339.parse(value.stringValue());
        } catch (DateTimeParseException e) {
            throw new InvalidTelemetryException(RejectReason.BAD_TIMESTAMP, "field \"" + field + "\": \"" + value.stringValue()
                    + "\" is not an RFC 3339 timestamp with offset (e.g. 2025-10-01T08:30:00+07:00)");
        }
    }

    <E extends Enum<E>> E requireEnum(String field, Class<E> type) {
        JsonNode value = require(field);
        E constant = value.isString() ? WireNames.parse(type, value.stringValue()) : null;
        if (constant != null) {
            return constant;
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(WireNames::of)
                .collect(Collectors.joining(", "));
        if (!value.isString()) {
            throw wrongType(field, "one of " + allowed, value);
        }
        throw new InvalidTelemetryException(RejectReason.UNKNOWN_ENUM,
                "field \"" + field + "\": \"" + value.stringValue() + "\" is not one of " + allowed);
    }

    /** An integer field of at least {@code min}. */
    long requireLong(String field, long min) {
        return integer(field, require(field), min);
    }

    @Nullable Long optionalLong(String field, @Nullable Long min) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return integer(field, value, min == null ? Long.MIN_VALUE : min);
    }

    private static long integer(String field, JsonNode value, long min) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(field, "an integer", value);
        }
        long v = value.longValue();
        if (v < min) {
            throw new InvalidTelemetryException(RejectReason.BAD_VALUE,
                    "field \"" + field + "\": " + v + " is below the minimum " + min);
        }
        return v;
    }

    private JsonNode require(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidTelemetryException(RejectReason.MISSING_FIELD, "field \"" + field + "\" is missing");
        }
        return value;
    }

    private static InvalidTelemetryException wrongType(String field, String expected, JsonNode actual) {
        return new InvalidTelemetryException(RejectReason.WRONG_TYPE,
                "field \"" + field + "\": expected " + expected + ", got " + actual.getNodeType().name().toLowerCase(Locale.ROOT));
    }
}
