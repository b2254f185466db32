package io.iocmonitor.kpi;

import org.jspecify.annotations.Nullable;

/**
 * VNeID logins of one scope and period (SPEC §5): attempts, successes, and the continuous percentiles of the
 * latency of successful attempts ({@code null} without any).
 */
public record VneidCounts(String key, long attempts, long ok, @Nullable Double p50LatencyMs,
        @Nullable Double p95LatencyMs) {

    public static VneidCounts zero(String key) {
        return new VneidCounts(key, 0, 0, null, null);
    }

    /** ok ÷ attempts; target 99 %. */
    public Rate successRate(int minSample) {
        return Rate.of(ok, attempts, minSample);
    }
}
