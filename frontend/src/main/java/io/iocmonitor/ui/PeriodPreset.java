package io.iocmonitor.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The periods offered for a view, as local-date ranges {@code [from, to)} in ICT relative to today. */
enum PeriodPreset {
    TODAY, THIS_WEEK, THIS_MONTH, LAST_MONTH, THIS_QUARTER, THIS_YEAR, LAST_30_DAYS;

    record Range(LocalDate from, LocalDate to) {
    }

    Range range(LocalDate today) {
        return switch (this) {
            case TODAY -> new Range(today, today.plusDays(1));
            case THIS_WEEK -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Range(monday, monday.plusWeeks(1));
            }
            case THIS_MONTH -> new Range(today.withDayOfMonth(1), today.withDayOfMonth(1).plusMonths(1));
            case LAST_MONTH -> new Range(today.withDayOfMonth(1).minusMonths(1), today.withDayOfMonth(1));
            case THIS_QUARTER -> {
                LocalDate start = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
                yield new Range(start, start.plusMonths(3));
            }
            case THIS_YEAR -> new Range(today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1));
            case LAST_30_DAYS -> new Range(today.minusDays(29), today.plusDays(1));
        };
    }

    String translationKey() {
        return "period." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
