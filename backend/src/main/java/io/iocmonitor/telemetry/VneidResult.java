package io.iocmonitor.telemetry;

/** The outcome of a VNeID login attempt. */
public enum VneidResult {
    OK, FAIL, TIMEOUT
}
