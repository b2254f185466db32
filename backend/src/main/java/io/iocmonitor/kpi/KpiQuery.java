package io.iocmonitor.kpi;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A period {@code [from, to)} of local dates in ICT, how to group, and optionally one province.
 */
public record KpiQuery(LocalDate from, LocalDate to, GroupBy groupBy, @Nullable String province) {

    public KpiQuery {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
    }
}
