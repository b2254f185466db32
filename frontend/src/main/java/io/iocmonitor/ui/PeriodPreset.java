package io.iocmonitor.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The periods offered for a view, as local-date ranges {@code [from, to)} in ICT relative to today. */
enum PeriodPreset {
    TODAY, THIS_WEEK, THIS_MONTH, LAST_MONTH, THIS_QUARTER, THIS_YEAR, LAST_30_DAYS;

    record Range(LocalDate from, LocalDate to) {

        /** The period of the same length just before: as many whole months for month-aligned ranges, else days. */
        Range previous() {
            if (from.getDayOfMonth() == 1 && to.getDayOfMonth() == 1) {
                long months = ChronoUnit.MONTHS.between(from, to);
                return new Range(from.minusMonths(months), from);
            }
            return new Range(from.minusDays(ChronoUnit.DAYS.between(from, to)), from);
        }
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

    /** The name in a URL, e.g. {@code last-month}. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<PeriodPreset> fromWire(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
    }

    String translationKey() {
        return "period." + wireName();
    }
}
