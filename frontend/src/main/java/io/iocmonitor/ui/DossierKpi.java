package io.iocmonitor.ui;

import java.util.Locale;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.kpi.DossierCounts;
import io.iocmonitor.kpi.KpiProperties;
import io.iocmonitor.kpi.Rate;

/**
 * The dossier rates of SPEC §5 as the dashboard offers them: for tiles, league tables, tile-grid colouring and
 * comparison. Every one of them is better when higher.
 */
enum DossierKpi {
    FULL_PROCESS_ONLINE(DossierCounts::fullProcessOnlineRate),
    ONLINE_SUBMISSION(DossierCounts::onlineSubmissionRate),
    DIGITISATION(DossierCounts::digitisationRate),
    ONLINE_PAYMENT(DossierCounts::onlinePaymentRate),
    ON_TIME(DossierCounts::onTimeRate),
    E_RESULT(DossierCounts::eResultRate),
    E_SIGNATURE(DossierCounts::eSignatureRate);

    /** SPEC §5: the on-time rate's target. */
    static final double ON_TIME_TARGET = 0.95;

    private final BiFunction<DossierCounts, Integer, Rate> rate;

    DossierKpi(BiFunction<DossierCounts, Integer, Rate> rate) {
        this.rate = rate;
    }

    Rate rate(DossierCounts counts, int minSample) {
        return rate.apply(counts, minSample);
    }

    /** The target SPEC §5 sets for this KPI, or {@code null} where it sets none. */
    @Nullable Double target(KpiProperties properties) {
        return switch (this) {
            case FULL_PROCESS_ONLINE -> properties.fullProcessOnlineTarget();
            case ON_TIME -> ON_TIME_TARGET;
            default -> null;
        };
    }

    String translationKey() {
        return "kpi." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** For CSS parts and class names: {@code reached}, {@code below} or {@code insufficient}; empty without target. */
    static String status(Rate rate, @Nullable Double target) {
        if (!rate.isComparable()) {
            return "insufficient";
        }
        if (target == null) {
            return "";
        }
        return rate.value() >= target ? "reached" : "below";
    }
}
