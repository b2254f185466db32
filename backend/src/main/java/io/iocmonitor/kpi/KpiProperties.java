package io.iocmonitor.kpi;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * KPI settings ({@code ioc.kpi.*}).
 *
 * @param minSample                   a rate whose denominator is below this is "insufficient data"
 * @param fullProcessOnlineTarget     the national target of the full-process online rate
 * @param fullProcessOnlineTargetDate the date by which it must be reached
 * @param targets                     default targets by KPI name ({@code ioc.kpi.targets.onTimeRate=0.95}) over
 *                                    those of SPEC §5; administrators override them per province and period
 */
@ConfigurationProperties("ioc.kpi")
public record KpiProperties(Integer minSample, Double fullProcessOnlineTarget, LocalDate fullProcessOnlineTargetDate,
        Map<String, Double> targets) {

    private static final Map<Kpi, Double> SPEC_TARGETS = Map.of(
            Kpi.ON_TIME_RATE, 0.95,
            Kpi.VNEID_SUCCESS_RATE, 0.99,
            Kpi.AVAILABILITY, 0.995,
            Kpi.SYNC_LAG_SECONDS, 900.0);

    public KpiProperties {
        minSample = minSample == null ? Rate.DEFAULT_MIN_SAMPLE : minSample;
        fullProcessOnlineTarget = fullProcessOnlineTarget == null ? 0.80 : fullProcessOnlineTarget;
        fullProcessOnlineTargetDate = fullProcessOnlineTargetDate == null ? LocalDate.of(2026, 12, 31)
                : fullProcessOnlineTargetDate;
        targets = targets == null ? Map.of() : Map.copyOf(targets);
        for (String name : targets.keySet()) {
            if (Kpi.fromWire(name).isEmpty()) {
                throw new IllegalArgumentException("ioc.kpi.targets." + name + ": no such KPI; use one of "
                        + Arrays.stream(Kpi.values()).map(Kpi::wireName).toList());
            }
        }
    }

    /** The configured default target of each KPI that has one: SPEC §5's, overridden by configuration. */
    public Map<Kpi, Target> defaultTargets() {
        Map<Kpi, Target> defaults = new EnumMap<>(Kpi.class);
        SPEC_TARGETS.forEach((kpi, value) -> defaults.put(kpi, new Target(null, kpi, null, null, null, value, null)));
        defaults.put(Kpi.FULL_PROCESS_ONLINE_RATE, new Target(null, Kpi.FULL_PROCESS_ONLINE_RATE, null, null, null,
                fullProcessOnlineTarget, fullProcessOnlineTargetDate));
        targets.forEach((name, value) -> {
            Kpi kpi = Kpi.fromWire(name).orElseThrow();
            LocalDate due = kpi == Kpi.FULL_PROCESS_ONLINE_RATE ? fullProcessOnlineTargetDate : null;
            defaults.put(kpi, new Target(null, kpi, null, null, null, value, due));
        });
        return defaults;
    }
}
