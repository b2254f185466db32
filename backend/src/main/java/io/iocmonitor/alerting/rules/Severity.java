package io.iocmonitor.alerting.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How urgent an alert is, most urgent first. */
public enum Severity {
    CRITICAL, MAJOR, MINOR, WARNING, INFO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
