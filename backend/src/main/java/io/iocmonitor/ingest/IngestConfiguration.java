package io.iocmonitor.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.iocmonitor.reference.ReferenceData;
import io.iocmonitor.store.TelemetryStore;
import io.iocmonitor.telemetry.TelemetryParser;
import io.micrometer.core.instrument.MeterRegistry;

/** Wires the MQTT subscriber to the broker given by a {@link BrokerEndpoint} bean. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

    /** The external broker of {@code ioc.mqtt.url}; without it the demo wiring supplies the in-process one. */
    @Bean
    @ConditionalOnProperty("ioc.mqtt.url")
    BrokerEndpoint externalBroker(IngestProperties properties) {
        return new BrokerEndpoint(properties.url(), properties.username(), properties.password());
    }

    @Bean
    @ConditionalOnProperty(name = "ioc.ingest.enabled", matchIfMissing = true)
    MqttIngestor mqttIngestor(BrokerEndpoint broker, IngestProperties properties, ReferenceData reference,
            TelemetryStore store, MeterRegistry registry, Clock clock) {
        String clientId = properties.clientId() != null ? properties.clientId() : "ioc-monitor-" + hostName();
        return new MqttIngestor(broker, properties, new TelemetryParser(reference, clock), store, registry, clock,
                clientId);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "server";
        }
    }
}
