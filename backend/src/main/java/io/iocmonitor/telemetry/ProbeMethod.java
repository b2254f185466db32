package io.iocmonitor.telemetry;

/** How a probe checked its target. */
public enum ProbeMethod {
    ICMP, TCP, HTTP, DNS, MODEM
}
