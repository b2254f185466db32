package io.iocmonitor.ui;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.kpi.DossierCounts;
import io.iocmonitor.kpi.Kpi;
import io.iocmonitor.kpi.Rate;
import io.iocmonitor.kpi.Target;

/**
 * The dossier rates of SPEC §5 as the dashboard offers them (tiles, league tables, tile colours, comparison), and
 * how a value is judged against its target. Every one of them is better when higher.
 */
final class DossierRates {

    static final List<Kpi> ALL = List.of(Kpi.FULL_PROCESS_ONLINE_RATE, Kpi.ONLINE_SUBMISSION_RATE,
            Kpi.DIGITISATION_RATE, Kpi.ONLINE_PAYMENT_RATE, Kpi.ON_TIME_RATE, Kpi.E_RESULT_RATE,
            Kpi.E_SIGNATURE_RATE);

    private DossierRates() {
    }

    static Rate rate(Kpi kpi, DossierCounts counts, int minSample) {
        return kpi.of(counts, minSample).orElseThrow(() -> new IllegalArgumentException(kpi + " is no dossier rate"));
    }

    /** Any KPI's label key: {@code kpi.<its API name>}. */
    static String translationKey(Kpi kpi) {
        return "kpi." + kpi.wireName();
    }

    /** For CSS parts and class names: {@code reached}, {@code below} or {@code insufficient}; empty without target. */
    static String status(Rate rate, @Nullable Target target) {
        if (!rate.isComparable()) {
            return "insufficient";
        }
        if (target == null) {
            return "";
        }
        return target.kpi().meets(rate.value(), target.value()) ? "reached" : "below";
    }
}
