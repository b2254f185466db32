package io.iocmonitor.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a period {@code [from, to)} is read from the rollups: its whole months from the monthly rollups, the days
 * before the first and after the last whole month from the daily ones. Only when the query's calendar buckets are
 * made of whole months (none, month, quarter, year); days and weeks cut through months and read days throughout.
 *
 * @param days the ranges {@code [from, to)} read from the daily rollups, none empty
 * @param months the range {@code [from, to)} of month starts read from the monthly rollups, or null for none
 */
record RollupSpans(List<Range> days, @Nullable Range months) {

    record Range(LocalDate from, LocalDate to) {
    }

    static RollupSpans of(@Nullable GroupBy calendar, LocalDate from, LocalDate to) {
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate endMonth = to.withDayOfMonth(1);
        boolean wholeMonths = calendar != GroupBy.DAY && calendar != GroupBy.WEEK;
        if (!wholeMonths || !firstMonth.isBefore(endMonth)) {
            return new RollupSpans(List.of(new Range(from, to)), null);
        }
        List<Range> days = new ArrayList<>(2);
        if (from.isBefore(firstMonth)) {
            days.add(new Range(from, firstMonth));
        }
        if (endMonth.isBefore(to)) {
            days.add(new Range(endMonth, to));
        }
        return new RollupSpans(List.copyOf(days), new Range(firstMonth, endMonth));
    }
}
