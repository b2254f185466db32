package io.iocmonitor.collector.source;

import java.time.Duration;

/** A source with its name and polling interval, the part every source has alike. */
public abstract class PeriodicSource implements Source {

    private final String name;
    private final Duration interval;

    protected PeriodicSource(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Duration interval() {
        return interval;
    }
}
