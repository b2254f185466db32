package io.iocmonitor.demo;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides, before any bean exists, which embedded parts the demo needs: an embedded database (and the demo users)
 * when no {@code spring.datasource.url} is set; the in-process broker and the simulator when no {@code ioc.mqtt.url}
 * is set. Explicit settings of these keys always win, since this source is consulted last.
 */
class DemoDefaults implements EnvironmentPostProcessor, Ordered {

    static final String EMBEDDED_DATABASE = "ioc.demo.embedded-database";
    static final String EMBEDDED_BROKER = "ioc.demo.embedded-broker";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean embeddedDatabase = !environment.containsProperty("spring.datasource.url");
        boolean embeddedBroker = !environment.containsProperty("ioc.mqtt.url");
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(EMBEDDED_DATABASE, embeddedDatabase);
        defaults.put(EMBEDDED_BROKER, embeddedBroker);
        defaults.put("ioc.demo.users", embeddedDatabase);
        defaults.put("ioc.simulator.enabled", embeddedBroker);
        environment.getPropertySources().addLast(new MapPropertySource("iocDemoDefaults", defaults));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
