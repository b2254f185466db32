package io.iocmonitor.collector.source;

import org.jspecify.annotations.Nullable;

/**
 * What one network probe found.
 *
 * @param method    how it looked ({@code icmp}, {@code tcp}, {@code http}, {@code dns}, {@code modem}): an ICMP probe
 *                  that fell back to TCP says {@code tcp}
 * @param latencyMs how long the answer took, when there was one
 * @param signalDbm the 4G signal, for a modem
 */
record ProbeResult(boolean up, String method, @Nullable Long latencyMs, @Nullable Integer signalDbm) {

    static ProbeResult of(boolean up, String method, long startNanos) {
        return new ProbeResult(up, method, up ? (System.nanoTime() - startNanos) / 1_000_000 : null, null);
    }
}
