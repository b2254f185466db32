package io.iocmonitor.telemetry;

import org.jspecify.annotations.Nullable;

/**
 * A parsed topic {@code ioc/v1/{province}/{commune}/{kind}}.
 *
 * @param commune the five-digit commune code, or {@link #PROVINCE_LEVEL} for a province-level source
 */
public record Topic(String province, String commune, TelemetryKind kind) {

    public static final String PREFIX = "ioc/v1/";
    public static final String PROVINCE_LEVEL = "-";

    public static Topic parse(String topic) {
        String[] parts = topic.split("/", -1);
        if (parts.length != 5 || !topic.startsWith(PREFIX)) {
            throw new InvalidTelemetryException(RejectReason.BAD_TOPIC, "topic \"" + topic + "\" is not ioc/v1/{province}/{commune}/{kind}");
        }
        String kindName = parts[4];
        TelemetryKind kind = TelemetryKind.fromWire(kindName).orElseThrow(() -> new InvalidTelemetryException(RejectReason.BAD_TOPIC,
                "topic \"" + topic + "\": unknown kind \"" + kindName + "\""));
        return new Topic(parts[2], parts[3], kind);
    }

    /** The province segment of a topic that has the form's prefix, unchecked; {@code null} otherwise. */
    public static @Nullable String provinceSegment(String topic) {
        if (!topic.startsWith(PREFIX)) {
            return null;
        }
        int end = topic.indexOf('/', PREFIX.length());
        return end < 0 ? null : topic.substring(PREFIX.length(), end);
    }

    public static String of(String province, String commune, TelemetryKind kind) {
        return PREFIX + province + "/" + commune + "/" + kind.wireName();
    }

    public boolean isProvinceLevel() {
        return PROVINCE_LEVEL.equals(commune);
    }
}
