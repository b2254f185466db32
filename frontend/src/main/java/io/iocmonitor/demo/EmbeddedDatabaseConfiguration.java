package io.iocmonitor.demo;

import java.io.IOException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/** A real PostgreSQL started in-process (on a free port, in a temporary folder) when no datasource is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = DemoDefaults.EMBEDDED_DATABASE, havingValue = "true")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres() throws IOException, InterruptedException {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start();
        log.info("Started an embedded PostgreSQL on port {} (set spring.datasource.url to use your own)",
                postgres.port());
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgresServer postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.jdbcUrl())
                .username("postgres")
                .build();
    }
}
