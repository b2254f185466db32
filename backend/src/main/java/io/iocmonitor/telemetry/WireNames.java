package io.iocmonitor.telemetry;

import java.util.Locale;

/** How enum values are written on the wire and in the database: lower case, hyphens for underscores. */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
