package io.iocmonitor.store;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ioc.retention.*}.
 *
 * @param raw how long raw events are kept (e.g. {@code 3y}, {@code 18m}); merged dossiers and rollups stay
 */
@ConfigurationProperties("ioc.retention")
public record RetentionProperties(Period raw) {

    public RetentionProperties {
        raw = raw == null ? Period.ofYears(3) : raw;
        if (raw.isNegative() || raw.isZero()) {
            throw new IllegalArgumentException("ioc.retention.raw must be positive, e.g. 3y; got " + raw);
        }
    }
}
