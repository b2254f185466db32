package io.iocmonitor.kpi;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.telemetry.Channel;
import io.iocmonitor.telemetry.Payment;

/**
 * A dossier is fully online (Decree 307/2025/NĐ-CP, appendix item 12: submitted online, paid online, processed
 * online, result returned electronically) when its received had {@code channel=online}, {@code fullProcess=true}
 * and {@code payment} online or none, and its completed had {@code eResult=true}. A dossier whose received or
 * completed is not known yet is not fully online. {@link DossierKpiRepository} states the same rule in SQL.
 */
public final class FullyOnlineRule {

    private FullyOnlineRule() {
    }

    public static boolean isFullyOnline(@Nullable Channel channel, @Nullable Boolean fullProcess,
            @Nullable Payment payment, @Nullable Boolean eResult) {
        return channel == Channel.ONLINE
                && Boolean.TRUE.equals(fullProcess)
                && (payment == Payment.ONLINE || payment == Payment.NONE)
                && Boolean.TRUE.equals(eResult);
    }
}
