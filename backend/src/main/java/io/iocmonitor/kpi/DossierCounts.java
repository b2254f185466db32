package io.iocmonitor.kpi;

import org.jspecify.annotations.Nullable;

/**
 * The dossier counts of one scope and period (SPEC §5, §8), from which every dossier rate follows.
 *
 * @param key              {@code all}, a province code, a commune code, a procedure code or a calendar bucket
 * @param period           the calendar bucket within the key (its first day) when the query asked for one
 * @param paymentDue       received whose procedure has a fee ({@code payment} ≠ none)
 * @param fullyOnline      completed and fully online ({@link FullyOnlineRule})
 * @param overdueOpen      open at the end of the period (or now, if earlier) with the deadline passed
 * @param nearlyOverdue    open at that moment with the deadline within the next 24 h
 */
public record DossierCounts(
        String key,
        @Nullable String period,
        long received,
        long receivedOnline,
        long digitized,
        long paymentDue,
        long paidOnline,
        long completed,
        long fullyOnline,
        long onTime,
        long overdueCompleted,
        long overdueOpen,
        long nearlyOverdue,
        long eResult,
        long eSigned) {

    public static DossierCounts zero(String key) {
        return zero(key, null);
    }

    public static DossierCounts zero(String key, @Nullable String period) {
        return new DossierCounts(key, period, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The open-dossier counts judged at a moment, beside these period counts. */
    DossierCounts withOpen(long overdueOpen, long nearlyOverdue) {
        return new DossierCounts(key, period, received, receivedOnline, digitized, paymentDue, paidOnline, completed,
                fullyOnline, onTime, overdueCompleted, overdueOpen, nearlyOverdue, eResult, eSigned);
    }

    public Rate fullProcessOnlineRate(int minSample) {
        return Rate.of(fullyOnline, completed, minSample);
    }

    public Rate onlineSubmissionRate(int minSample) {
        return Rate.of(receivedOnline, received, minSample);
    }

    public Rate digitisationRate(int minSample) {
        return Rate.of(digitized, received, minSample);
    }

    public Rate onlinePaymentRate(int minSample) {
        return Rate.of(paidOnline, paymentDue, minSample);
    }

    public Rate onTimeRate(int minSample) {
        return Rate.of(onTime, completed, minSample);
    }

    public Rate eResultRate(int minSample) {
        return Rate.of(eResult, completed, minSample);
    }

    public Rate eSignatureRate(int minSample) {
        return Rate.of(eSigned, completed, minSample);
    }
}
