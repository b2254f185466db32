package io.iocmonitor.kpi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The ICT calendar buckets of a period {@code [from, to)}: days, weeks starting Monday, months, quarters or years. */
final class CalendarBuckets {

    private CalendarBuckets() {
    }

    /** The first day of the bucket holding {@code date}. */
    static LocalDate start(GroupBy groupBy, LocalDate date) {
        return switch (groupBy) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> date.withDayOfMonth(1).withMonth((date.getMonthValue() - 1) / 3 * 3 + 1);
            case YEAR -> date.withDayOfYear(1);
            default -> throw new IllegalArgumentException(groupBy + " is not a calendar grouping");
        };
    }

    static LocalDate next(GroupBy groupBy, LocalDate start) {
        return switch (groupBy) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
            default -> throw new IllegalArgumentException(groupBy + " is not a calendar grouping");
        };
    }

    /** Every bucket that overlaps the period, in order. */
    static List<LocalDate> starts(GroupBy groupBy, LocalDate from, LocalDate to) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate s = start(groupBy, from); s.isBefore(to); s = next(groupBy, s)) {
            starts.add(s);
        }
        return starts;
    }
}
