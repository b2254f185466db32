package io.iocmonitor.ui;

import java.text.NumberFormat;
import java.util.Locale;

import io.iocmonitor.kpi.Rate;

/** Rates and counts as people read them in the chosen locale: "41,3 %" in Vietnamese, "41.3%" in English. */
final class RateFormat {

    private final NumberFormat percent;
    private final NumberFormat integer;
    private final Locale locale;

    RateFormat(Locale locale) {
        this.locale = locale;
        percent = NumberFormat.getPercentInstance(locale);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        integer = NumberFormat.getIntegerInstance(locale);
    }

    String rate(Rate rate) {
        return rate.value() == null ? "–" : percent.format(rate.value());
    }

    /** The rate, followed by the note (e.g. "insufficient data") when its sample is below the minimum (or empty). */
    String rate(Rate rate, String insufficientNote) {
        return rate.insufficient() ? rate(rate) + " (" + insufficientNote + ")" : rate(rate);
    }

    /** A target or threshold, e.g. "80 %": no decimals unless it has some. */
    String percent(double fraction) {
        NumberFormat plain = (NumberFormat) percent.clone();
        plain.setMinimumFractionDigits(0);
        return plain.format(fraction);
    }

    /** A change of a rate in percentage points, signed: "+2,5 điểm %" / "+2.5 pts". */
    String points(double fraction) {
        return (fraction >= 0 ? "+" : "") + decimal(fraction * 100) + ("vi".equals(locale.getLanguage())
                ? " điểm %" : " pts");
    }

    /** A score with one decimal, e.g. the composite index: "72,4" / "72.4". */
    String decimal(double value) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(1);
        number.setMaximumFractionDigits(1);
        return number.format(value);
    }

    String count(long value) {
        return integer.format(value);
    }

    /** The rate as a percentage rounded to one decimal, for charts. */
    static double percentValue(Rate rate) {
        return rate.value() == null ? 0 : Math.round(rate.value() * 1000) / 10.0;
    }
}
