package io.iocmonitor.collector.simulator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How the simulator runs.
 *
 * @param dossiersPerCommunePerDay average dossiers received per commune on a working day (13 gives a national
 *                                 volume of about 20 million a year)
 * @param backfillDays             days of history published at start, so the dashboard has figures at once
 * @param tick                     how often live events are published
 */
public record SimulatorSettings(
        String brokerUrl,
        @Nullable String username,
        @Nullable String password,
        double dossiersPerCommunePerDay,
        int backfillDays,
        Duration tick,
        long seed) {
}
