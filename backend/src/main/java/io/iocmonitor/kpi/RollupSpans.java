package io.iocmonitor.kpi;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a period {@code [from, to)} is read from the rollups: its whole months from the monthly rollups, the days
 * before the first and after the last whole month from the daily ones. Only when the query's calendar buckets are
 * made of whole months (none, month, quarter, year); days and weeks cut through months and read days throughout.
 *
 * <p>Where sums may be taken apart ({@link #subtracting}), a partial month can also be read as its whole month
 * minus the days outside the period, when those are fewer: the last 30 days are then last month's few days, this
 * month, and this month's days after today (none yet).
 *
 * @param days the ranges {@code [from, to)} read from the daily rollups, none empty
 * @param months the range {@code [from, to)} of month starts read from the monthly rollups, or null for none
 * @param minusDays the ranges of days whose rows are taken away from their months, none empty
 */
record RollupSpans(List<Range> days, @Nullable Range months, List<Range> minusDays) {

    record Range(LocalDate from, LocalDate to) {
    }

    /** Whole months from the months, everything else from the days. */
    static RollupSpans of(@Nullable GroupBy calendar, LocalDate from, LocalDate to) {
        return spans(calendar, from, to, false);
    }

    /**
     * As {@link #of}, but a partial month is read as its month minus the days outside the period wherever those are
     * fewer than the days inside it.
     */
    static RollupSpans subtracting(@Nullable GroupBy calendar, LocalDate from, LocalDate to) {
        return spans(calendar, from, to, true);
    }

    private static RollupSpans spans(@Nullable GroupBy calendar, LocalDate from, LocalDate to, boolean subtract) {
        if (calendar == GroupBy.DAY || calendar == GroupBy.WEEK) {
            return new RollupSpans(List.of(new Range(from, to)), null, List.of());
        }
        List<Range> days = new ArrayList<>(2);
        List<Range> minus = new ArrayList<>(2);
        LocalDate monthsFrom = from.withDayOfMonth(1);
        if (!monthsFrom.equals(from)) {
            // the partial first month: its days in the period, or the month less the days before the period
            LocalDate inPeriodUntil = earliest(monthsFrom.plusMonths(1), to);
            if (subtract && days(monthsFrom, from) < days(from, inPeriodUntil)) {
                minus.add(new Range(monthsFrom, from));
            } else {
                days.add(new Range(from, inPeriodUntil));
                monthsFrom = monthsFrom.plusMonths(1);
            }
        }
        LocalDate monthsTo = to.withDayOfMonth(1);
        if (!monthsTo.equals(to) && !monthsTo.isBefore(monthsFrom)) {
            // the partial last month (not already read as days above): the same choice
            LocalDate inPeriodFrom = monthsTo.isBefore(from) ? from : monthsTo;
            if (subtract && days(to, monthsTo.plusMonths(1)) < days(inPeriodFrom, to)) {
                minus.add(new Range(to, monthsTo.plusMonths(1)));
                monthsTo = monthsTo.plusMonths(1);
            } else {
                days.add(new Range(inPeriodFrom, to));
            }
        }
        if (!monthsFrom.isBefore(monthsTo)) {
            // no whole month left: what was taken from one is not needed either
            return new RollupSpans(List.copyOf(days), null, List.of());
        }
        return new RollupSpans(List.copyOf(days), new Range(monthsFrom, monthsTo), List.copyOf(minus));
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
