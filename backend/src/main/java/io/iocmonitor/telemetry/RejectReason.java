package io.iocmonitor.telemetry;

import java.util.Locale;

/** Why a message or element was rejected, as a low-cardinality tag for metrics; the text says the rest. */
public enum RejectReason {
    BAD_TOPIC,
    TOO_LARGE,
    INVALID_JSON,
    NOT_AN_OBJECT,
    MISSING_FIELD,
    WRONG_TYPE,
    BAD_VALUE,
    UNKNOWN_ENUM,
    BAD_TIMESTAMP,
    FUTURE_TIMESTAMP,
    UNKNOWN_PROVINCE,
    UNKNOWN_COMMUNE,
    TOPIC_MISMATCH,
    INTERNAL_ERROR;

    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
