package io.iocmonitor.collector.source;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Reachability by {@link InetAddress#isReachable}: an ICMP echo where the process may send one (root or
 * {@code CAP_NET_RAW}), else the JDK's TCP echo attempt. Where ICMP is filtered, {@code fallback} (a TCP port of the
 * host) decides instead, and the result says {@code tcp}.
 */
record IcmpCheck(String host, Duration timeout, @Nullable TcpCheck fallback) implements ProbeCheck {

    @Override
    public ProbeResult check() {
        long start = System.nanoTime();
        try {
            if (InetAddress.getByName(host).isReachable((int) timeout.toMillis())) {
                return ProbeResult.of(true, "icmp", start);
            }
        } catch (IOException e) {
            // unknown host or no route: down, unless the fallback says otherwise
        }
        TcpCheck tcp = fallback;
        return tcp == null ? ProbeResult.of(false, "icmp", start) : tcp.connect("tcp");
    }
}
