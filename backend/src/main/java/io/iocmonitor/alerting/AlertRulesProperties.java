package io.iocmonitor.alerting;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ioc.alert-rules.dir}: the folder of rule files. Unset: {@code ./alert-rules} when the server runs from a
 * checkout, else the copy bundled in the jar (not reloaded).
 */
@ConfigurationProperties("ioc.alert-rules")
public record AlertRulesProperties(@Nullable Path dir) {
}
