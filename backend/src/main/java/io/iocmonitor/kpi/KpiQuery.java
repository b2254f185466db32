package io.iocmonitor.kpi;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.base.Ict;

/**
 * A period {@code [from, to)} of local dates in ICT, how to group, and optionally one province.
 */
public record KpiQuery(LocalDate from, LocalDate to, GroupBy groupBy, @Nullable String province) {

    public KpiQuery {
        Ict.requirePeriod(from, to);
    }
}
