package io.iocmonitor.kpi;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.base.Ict;

/**
 * A period {@code [from, to)} of local dates in ICT, how to group, optionally one province, and optionally a
 * calendar bucket within each group ({@code per}: e.g. each commune per month, for a province's table of trends).
 */
public record KpiQuery(LocalDate from, LocalDate to, GroupBy groupBy, @Nullable String province,
        @Nullable GroupBy per) {

    public KpiQuery {
        Ict.requirePeriod(from, to);
        if (per != null && (!per.isCalendar() || groupBy.isCalendar())) {
            throw new IllegalArgumentException("per \"" + per.wireName() + "\" needs a calendar bucket (day, week, "
                    + "month, quarter, year) within a grouping by none, province, commune or procedure");
        }
    }

    public KpiQuery(LocalDate from, LocalDate to, GroupBy groupBy, @Nullable String province) {
        this(from, to, groupBy, province, null);
    }

    /** The calendar buckets of the query, by groupBy or per; null when there are none. */
    @Nullable GroupBy calendar() {
        return groupBy.isCalendar() ? groupBy : per;
    }
}
