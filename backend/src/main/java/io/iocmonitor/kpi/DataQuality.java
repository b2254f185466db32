package io.iocmonitor.kpi;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Whether a province's data is "correct, sufficient, clean and live" (SPEC §5).
 *
 * @param completeness     communes that sent any telemetry in the last 24 h ÷ communes of the province
 * @param newestEvent      the ts of the newest event of any of its sites, {@code null} if none ever came
 * @param freshnessSeconds age of that event now (0 for an event stamped slightly in the future)
 * @param rejected         SPEC's validity: rejected events ÷ all events received in the period (valid ones
 *                         including duplicates), by day of receipt in ICT
 */
public record DataQuality(String province, Rate completeness, @Nullable Instant newestEvent,
        @Nullable Long freshnessSeconds, Rate rejected) {
}
