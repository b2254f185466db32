package io.iocmonitor.collector.source;

/** One way of probing a target; a failure to reach it is a result ({@code up=false}), not an exception. */
interface ProbeCheck {

    ProbeResult check() throws InterruptedException;
}
