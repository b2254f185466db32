package io.iocmonitor.kpi;

import java.time.Instant;

/**
 * The latest reported state of one synchronisation between a provincial system and the National Public Service
 * Portal (SPEC §5).
 *
 * @param commune    the reporting site's commune, or {@code -} for a province-level collector
 * @param lagSeconds age of the oldest record not yet synchronised
 */
public record SyncStatus(String province, String commune, String system, Instant ts, long pending, long failed,
        long lagSeconds) {

    public boolean withinTarget(double targetLagSeconds) {
        return Kpi.SYNC_LAG_SECONDS.meets(lagSeconds, targetLagSeconds);
    }
}
