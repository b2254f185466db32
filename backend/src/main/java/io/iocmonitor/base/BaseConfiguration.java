package io.iocmonitor.base;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock every time-dependent service receives, so that tests can set it; scheduled jobs switched on. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BaseConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
