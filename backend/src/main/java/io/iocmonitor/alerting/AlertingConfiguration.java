package io.iocmonitor.alerting;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

import tools.jackson.databind.json.JsonMapper;

/** Alerting's settings, and its data access on the connection pool (the elected evaluator has its own). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AlertingProperties.class, AlertRulesProperties.class})
@EnableScheduling
class AlertingConfiguration {

    @Bean
    AlertRepository alertRepository(JdbcClient jdbc, JsonMapper json) {
        return new AlertRepository(jdbc, json);
    }
}
