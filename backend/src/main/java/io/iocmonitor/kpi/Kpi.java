package io.iocmonitor.kpi;

import java.util.Arrays;
import java.util.Optional;

/**
 * The KPIs that have targets, by their names in the API. Most are rates where more is better; the sync lag is a
 * duration where less is better.
 */
public enum Kpi {
    FULL_PROCESS_ONLINE_RATE("fullProcessOnlineRate", true),
    ONLINE_SUBMISSION_RATE("onlineSubmissionRate", true),
    DIGITISATION_RATE("digitisationRate", true),
    ONLINE_PAYMENT_RATE("onlinePaymentRate", true),
    ON_TIME_RATE("onTimeRate", true),
    E_RESULT_RATE("eResultRate", true),
    E_SIGNATURE_RATE("eSignatureRate", true),
    VNEID_SUCCESS_RATE("vneidSuccessRate", true),
    AVAILABILITY("availability", true),
    SYNC_LAG_SECONDS("syncLagSeconds", false),
    REPORTING_COMPLETENESS("reportingCompleteness", true);

    private final String wireName;
    private final boolean higherIsBetter;

    Kpi(String wireName, boolean higherIsBetter) {
        this.wireName = wireName;
        this.higherIsBetter = higherIsBetter;
    }

    public String wireName() {
        return wireName;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether a value meets a target of this KPI: at least it, or for the lag at most it. */
    public boolean meets(double value, double target) {
        return higherIsBetter ? value >= target : value <= target;
    }

    public static Optional<Kpi> fromWire(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    /** The dossier rate this KPI names, or empty for the KPIs that are not dossier rates. */
    public Optional<Rate> of(DossierCounts counts, int minSample) {
        return Optional.ofNullable(switch (this) {
            case FULL_PROCESS_ONLINE_RATE -> counts.fullProcessOnlineRate(minSample);
            case ONLINE_SUBMISSION_RATE -> counts.onlineSubmissionRate(minSample);
            case DIGITISATION_RATE -> counts.digitisationRate(minSample);
            case ONLINE_PAYMENT_RATE -> counts.onlinePaymentRate(minSample);
            case ON_TIME_RATE -> counts.onTimeRate(minSample);
            case E_RESULT_RATE -> counts.eResultRate(minSample);
            case E_SIGNATURE_RATE -> counts.eSignatureRate(minSample);
            default -> null;
        });
    }
}
