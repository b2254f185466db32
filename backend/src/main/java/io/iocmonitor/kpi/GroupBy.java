package io.iocmonitor.kpi;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How KPI rows are keyed: one row for all, or one per province, commune or procedure. */
public enum GroupBy {
    NONE, PROVINCE, COMMUNE, PROCEDURE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GroupBy> fromWire(String name) {
        return Arrays.stream(values()).filter(g -> g.wireName().equals(name)).findFirst();
    }
}
