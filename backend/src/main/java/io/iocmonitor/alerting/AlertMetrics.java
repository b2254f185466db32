package io.iocmonitor.alerting;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.iocmonitor.alerting.rules.AlertState;
import io.iocmonitor.alerting.rules.Severity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code ioc_alerts{state, severity}} in {@code /actuator/prometheus} (SPEC §8): alerts by state and severity, read
 * from the database every 10 s so that every instance reports the same figures, leader or not.
 */
@Component
class AlertMetrics {

    private final AlertRepository repository;
    private final Map<AlertState, Map<Severity, AtomicLong>> counts = new EnumMap<>(AlertState.class);

    AlertMetrics(AlertRepository repository, MeterRegistry registry) {
        this.repository = repository;
        for (AlertState state : AlertState.values()) {
            Map<Severity, AtomicLong> bySeverity = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                AtomicLong count = new AtomicLong();
                bySeverity.put(severity, count);
                Gauge.builder("ioc.alerts", count, AtomicLong::get)
                        .description("Alerts by state and severity (resolved: all kept as history)")
                        .tag("state", state.wireName()).tag("severity", severity.wireName())
                        .register(registry);
            }
            counts.put(state, bySeverity);
        }
    }

    @Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT1S")
    void refresh() {
        Map<String, Map<String, Long>> fresh = repository.countsByStateAndSeverity();
        counts.forEach((state, bySeverity) -> bySeverity.forEach((severity, count) -> count.set(
                fresh.getOrDefault(state.wireName(), Map.of()).getOrDefault(severity.wireName(), 0L))));
    }
}
