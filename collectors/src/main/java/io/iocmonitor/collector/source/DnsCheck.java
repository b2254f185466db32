package io.iocmonitor.collector.source;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Up when the system's resolver resolves the name (a collector's DNS is often what breaks first). */
record DnsCheck(String hostname) implements ProbeCheck {

    @Override
    public ProbeResult check() {
        long start = System.nanoTime();
        try {
            return ProbeResult.of(InetAddress.getAllByName(hostname).length > 0, "dns", start);
        } catch (UnknownHostException e) {
            return ProbeResult.of(false, "dns", start);
        }
    }
}
