package io.iocmonitor.collector.source;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Up when a TCP connection to host:port opens within the timeout. */
record TcpCheck(String host, int port, Duration timeout) implements ProbeCheck {

    @Override
    public ProbeResult check() {
        return connect("tcp");
    }

    ProbeResult connect(String method) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return ProbeResult.of(true, method, start);
        } catch (IOException e) {
            return ProbeResult.of(false, method, start);
        }
    }
}
