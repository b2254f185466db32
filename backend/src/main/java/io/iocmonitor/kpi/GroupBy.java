package io.iocmonitor.kpi;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How KPI rows are keyed: one row for all ({@code all}), one per province, commune or procedure (their codes), or
 * one per calendar day, week (from Monday), month, quarter or year in ICT (keyed by the bucket's first day, e.g. 2025-10-01).
 */
public enum GroupBy {
    NONE, PROVINCE, COMMUNE, PROCEDURE, DAY, WEEK, MONTH, QUARTER, YEAR;

    public boolean isCalendar() {
        return ordinal() >= DAY.ordinal();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GroupBy> fromWire(String name) {
        return Arrays.stream(values()).filter(g -> g.wireName().equals(name)).findFirst();
    }
}
