package io.iocmonitor.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.iocmonitor.ingest.BrokerEndpoint;

/**
 * The in-process broker when no {@code ioc.mqtt.url} is configured. Its port is {@code ioc.mqtt.embedded.port}
 * (1883); when that default is taken (say, by a Mosquitto on the same machine) a free port is used instead and
 * logged, while an explicitly configured port that is taken stops the start with a message naming the key.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = DemoDefaults.EMBEDDED_BROKER, havingValue = "true")
class EmbeddedBrokerConfiguration {

    static final String PORT_KEY = "ioc.mqtt.embedded.port";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedBroker embeddedBroker(@Value("${" + PORT_KEY + ":1883}") int port, Environment environment)
            throws Exception {
        int chosen = port;
        if (!LocalResources.isFree(port)) {
            if (environment.containsProperty(PORT_KEY)) {
                throw new IllegalStateException("Port " + port + " of the embedded MQTT broker is in use: set "
                        + PORT_KEY + " to a free port, or ioc.mqtt.url to use the broker that holds it");
            }
            chosen = LocalResources.freePort();
            log.warn("Port {} is in use (another MQTT broker?); the embedded broker listens on {} instead. "
                    + "Set {} to choose, or ioc.mqtt.url to use the other broker.", port, chosen, PORT_KEY);
        }
        EmbeddedBroker broker = EmbeddedBroker.start(chosen);
        log.info("Started the embedded MQTT 5 broker at {}", broker.url());
        return broker;
    }

    @Bean
    BrokerEndpoint embeddedBrokerEndpoint(EmbeddedBroker broker) {
        return new BrokerEndpoint(broker.url(), null, null);
    }
}
