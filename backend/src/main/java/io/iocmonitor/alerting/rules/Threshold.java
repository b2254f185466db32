package io.iocmonitor.alerting.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comparison of a signal's value with a number, written {@code "< 0.80"}, {@code ">= 900"} in rule files.
 */
public record Threshold(Comparison comparison, double value) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*(<=|>=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)\\s*");

    public enum Comparison {
        BELOW("<"), AT_MOST("<="), ABOVE(">"), AT_LEAST(">=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        boolean isUpper() {
            return this == BELOW || this == AT_MOST;
        }
    }

    public static Optional<Threshold> parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Comparison c = switch (m.group(1)) {
            case "<" -> Comparison.BELOW;
            case "<=" -> Comparison.AT_MOST;
            case ">" -> Comparison.ABOVE;
            default -> Comparison.AT_LEAST;
        };
        return Optional.of(new Threshold(c, Double.parseDouble(m.group(2))));
    }

    public boolean holds(double v) {
        return switch (comparison) {
            case BELOW -> v < value;
            case AT_MOST -> v <= value;
            case ABOVE -> v > value;
            case AT_LEAST -> v >= value;
        };
    }

    /** The recovery a rule gets when it names none: the condition no longer holds. */
    public Threshold negated() {
        return new Threshold(switch (comparison) {
            case BELOW -> Comparison.AT_LEAST;
            case AT_MOST -> Comparison.ABOVE;
            case ABOVE -> Comparison.AT_MOST;
            case AT_LEAST -> Comparison.BELOW;
        }, value);
    }

    /**
     * True when no value satisfies both this condition and {@code recovery}: a recovery must point the other way
     * and leave a gap (the hysteresis band) or at least not overlap the condition.
     */
    public boolean isSeparatedFrom(Threshold recovery) {
        if (comparison.isUpper() == recovery.comparison.isUpper()) {
            return false;
        }
        Threshold upper = comparison.isUpper() ? this : recovery;
        Threshold lower = comparison.isUpper() ? recovery : this;
        if (lower.value != upper.value) {
            return lower.value > upper.value;
        }
        return upper.comparison != Comparison.AT_MOST || lower.comparison != Comparison.AT_LEAST;
    }

    @Override
    public String toString() {
        String v = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
        return comparison.symbol + " " + v;
    }
}
