package io.iocmonitor.kpi;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * The path from today's value of a KPI to its target by the target's date (SPEC §5: "the trajectory needed from
 * today's value"): the monthly gain still needed, and whether the gain of the last month keeps up with it.
 *
 * @param current           the value over the last 30 days
 * @param previous          the value over the 30 days before those, for the recent gain
 * @param monthsLeft        months from today to the due date (a month is 1/12 of a mean Gregorian year)
 * @param monthlyGainNeeded the gain per month from the current value to the target; 0 once reached, {@code null}
 *                          when there is no comparable value or the date has passed
 * @param recentMonthlyGain current − previous, where both are comparable
 */
public record Trajectory(Kpi kpi, Rate current, Rate previous, double target, LocalDate today, LocalDate dueDate,
        double monthsLeft, @Nullable Double monthlyGainNeeded, @Nullable Double recentMonthlyGain, Status status) {

    static final double DAYS_PER_MONTH = 365.2425 / 12;

    public enum Status {
        /** The value meets the target. */
        REACHED,
        /** Below the target, but the last month's gain is at least the monthly gain needed. */
        ON_TRACK,
        /** Below the target and gaining too slowly (or not at all) to reach it by the date. */
        BEHIND,
        /** The date has passed and the target was not met. */
        MISSED,
        /** Too few dossiers to judge (SPEC §5's minimum sample). */
        INSUFFICIENT_DATA
    }

    public static Trajectory of(Kpi kpi, Rate current, Rate previous, double target, LocalDate today,
            LocalDate dueDate) {
        double monthsLeft = ChronoUnit.DAYS.between(today, dueDate) / DAYS_PER_MONTH;
        Double recentGain = current.isComparable() && previous.isComparable()
                ? current.value() - previous.value() : null;
        if (!current.isComparable()) {
            return new Trajectory(kpi, current, previous, target, today, dueDate, monthsLeft, null, recentGain,
                    Status.INSUFFICIENT_DATA);
        }
        double value = current.value();
        if (kpi.meets(value, target)) {
            return new Trajectory(kpi, current, previous, target, today, dueDate, monthsLeft, 0.0, recentGain,
                    Status.REACHED);
        }
        if (monthsLeft <= 0) {
            return new Trajectory(kpi, current, previous, target, today, dueDate, monthsLeft, null, recentGain,
                    Status.MISSED);
        }
        double needed = (target - value) / monthsLeft;
        boolean keepingUp = recentGain != null && (kpi.higherIsBetter() ? recentGain >= needed : recentGain <= needed);
        return new Trajectory(kpi, current, previous, target, today, dueDate, monthsLeft, needed, recentGain,
                keepingUp ? Status.ON_TRACK : Status.BEHIND);
    }

    /** The value the path expects on a date between today and the due date (for charts and alert rules). */
    public @Nullable Double expectedOn(LocalDate date) {
        if (monthlyGainNeeded == null || current.value() == null) {
            return null;
        }
        double months = ChronoUnit.DAYS.between(today, date) / DAYS_PER_MONTH;
        return current.value() + monthlyGainNeeded * Math.min(months, monthsLeft);
    }
}
