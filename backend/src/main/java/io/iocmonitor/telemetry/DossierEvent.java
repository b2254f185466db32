package io.iocmonitor.telemetry;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One life-cycle event of a dossier (hồ sơ). The fields of a {@code received} step are set only on received
 * events, those of a {@code completed} step only on completed events.
 *
 * @param commune     the commune of the topic, or {@link Topic#PROVINCE_LEVEL}
 * @param fullProcess submitted through a full-process online service (toàn trình)
 */
public record DossierEvent(
        String id,
        Instant ts,
        String province,
        String commune,
        String dossierId,
        String procedureCode,
        DossierStep step,
        @Nullable Channel channel,
        @Nullable Boolean fullProcess,
        @Nullable Instant dueAt,
        @Nullable Boolean digitized,
        @Nullable Payment payment,
        @Nullable Boolean eResult,
        @Nullable Boolean eSigned) implements TelemetryEvent {

    @Override
    public TelemetryKind kind() {
        return TelemetryKind.DOSSIER;
    }

    public static DossierEvent received(String id, Instant ts, String province, String commune, String dossierId,
            String procedureCode, Channel channel, boolean fullProcess, Instant dueAt, boolean digitized,
            Payment payment) {
        return new DossierEvent(id, ts, province, commune, dossierId, procedureCode, DossierStep.RECEIVED, channel,
                fullProcess, dueAt, digitized, payment, null, null);
    }

    public static DossierEvent completed(String id, Instant ts, String province, String commune, String dossierId,
            String procedureCode, boolean eResult, boolean eSigned) {
        return new DossierEvent(id, ts, province, commune, dossierId, procedureCode, DossierStep.COMPLETED, null,
                null, null, null, null, eResult, eSigned);
    }

    public static DossierEvent cancelled(String id, Instant ts, String province, String commune, String dossierId,
            String procedureCode) {
        return new DossierEvent(id, ts, province, commune, dossierId, procedureCode, DossierStep.CANCELLED, null,
                null, null, null, null, null, null);
    }
}
