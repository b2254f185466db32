package io.iocmonitor.kpi;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The target of a KPI for a province (or nationally) on a date.
 *
 * @param id        the administrator's target row, or {@code null} for a default of the configuration
 * @param province  the province it was set for, or {@code null} when it is the national target
 * @param validFrom first day it applies, or {@code null} for ever since
 * @param validTo   first day it no longer applies, or {@code null} for open-ended
 * @param dueDate   the date by which the value must be reached, where the target has one (the 80 %)
 */
public record Target(@Nullable Long id, Kpi kpi, @Nullable String province, @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo, double value, @Nullable LocalDate dueDate) {

    public Target {
        if (validFrom != null && validTo != null && !validFrom.isBefore(validTo)) {
            throw new IllegalArgumentException("validFrom (" + validFrom + ") must be before validTo (" + validTo + ")");
        }
        if (kpi.higherIsBetter() && (value < 0 || value > 1)) {
            throw new IllegalArgumentException("a target of " + kpi.wireName() + " is a fraction in [0, 1], not "
                    + value);
        }
        if (!kpi.higherIsBetter() && value < 0) {
            throw new IllegalArgumentException("a target of " + kpi.wireName() + " is at least 0, not " + value);
        }
    }

    public boolean isDefault() {
        return id == null;
    }

    public boolean appliesOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || date.isBefore(validTo));
    }

    /** Province-specific targets before national ones, then the one that started latest. */
    int specificity() {
        return (province != null ? 2 : 0) + (validFrom != null ? 1 : 0);
    }
}
