package io.iocmonitor.kpi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * KPI settings ({@code ioc.kpi.*}).
 *
 * @param minSample                 a rate whose denominator is below this is "insufficient data"
 * @param fullProcessOnlineTarget   the national target of the full-process online rate
 */
@ConfigurationProperties("ioc.kpi")
public record KpiProperties(Integer minSample, Double fullProcessOnlineTarget) {

    public KpiProperties {
        minSample = minSample == null ? Rate.DEFAULT_MIN_SAMPLE : minSample;
        fullProcessOnlineTarget = fullProcessOnlineTarget == null ? 0.80 : fullProcessOnlineTarget;
    }
}
