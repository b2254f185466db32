package io.iocmonitor.demo;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.iocmonitor.collector.simulator.SimulatedProvince;
import io.iocmonitor.collector.simulator.SimulatorSettings;
import io.iocmonitor.collector.simulator.TelemetrySimulator;
import io.iocmonitor.ingest.BrokerEndpoint;
import io.iocmonitor.ingest.MqttIngestor;
import io.iocmonitor.reference.Commune;
import io.iocmonitor.reference.ReferenceData;

/**
 * Runs the collectors' telemetry simulator in-process as a collector agent (disk queue, MQTT forwarder) publishing
 * to the broker the server ingests from.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ioc.simulator.enabled", havingValue = "true")
@EnableConfigurationProperties(SimulatorConfiguration.SimulatorProperties.class)
class SimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

    /**
     * {@code ioc.simulator.*}.
     *
     * @param dossiersPerCommunePerDay working-day dossiers per commune (13 ≈ the national volume; the demo uses less)
     * @param backfillDays             days of history published at start
     * @param tick                     how often live events are published
     */
    @ConfigurationProperties("ioc.simulator")
    record SimulatorProperties(Double dossiersPerCommunePerDay, Integer backfillDays, Duration tick, Long seed) {

        SimulatorProperties {
            dossiersPerCommunePerDay = dossiersPerCommunePerDay == null ? 1.5 : dossiersPerCommunePerDay;
            backfillDays = backfillDays == null ? 10 : backfillDays;
            tick = tick == null ? Duration.ofSeconds(5) : tick;
            seed = seed == null ? 2025L : seed;
        }
    }

    @Bean
    SmartLifecycle telemetrySimulator(SimulatorProperties properties, BrokerEndpoint broker, ReferenceData reference,
            ObjectProvider<MqttIngestor> ingestor, Clock clock) {
        List<SimulatedProvince> provinces = reference.provinces().stream()
                .map(p -> new SimulatedProvince(p.code(),
                        reference.communes(p.code()).stream().map(Commune::code).toList()))
                .toList();
        TelemetrySimulator simulator = new TelemetrySimulator(new SimulatorSettings(broker.url(), broker.username(),
                broker.password(), properties.dossiersPerCommunePerDay(), properties.backfillDays(),
                properties.tick(), properties.seed()), provinces, clock);
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
                // The history must not be published before the server has subscribed, or it would be lost.
                Thread.ofVirtual().start(() -> {
                    try {
                        MqttIngestor local = ingestor.getIfAvailable();
                        if (local != null && !local.awaitSubscribed(Duration.ofMinutes(2))) {
                            log.warn("The server has not subscribed after 2 minutes; starting the simulator anyway");
                        }
                        if (running) {
                            simulator.start();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException e) {
                        log.error("The simulator cannot open its disk queue", e);
                    }
                });
            }

            @Override
            public void stop() {
                try {
                    simulator.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    log.warn("Stopping the simulator: {}", e.toString());
                }
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                // after the ingest subscriber, so the history is received from the first message on
                return Integer.MAX_VALUE - 50;
            }
        };
    }
}
