package io.iocmonitor.outage;

import java.time.Duration;
import java.util.function.IntUnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.iocmonitor.base.WorkMarks;

/**
 * Brings the stored probe outages and runs of signs of life up to date with the stored events, every
 * {@code ioc.kpi.rollup-interval}: each on its own, so that a backlog of one (every probe target after an upgrade)
 * never holds up the other, and each at most {@link #BUDGET} a run, so that neither holds up the other scheduled
 * work.
 */
@Component
class OutageRefresher {

    private static final Logger log = LoggerFactory.getLogger(OutageRefresher.class);
    private static final int MARKS_PER_TRANSACTION = 500;
    private static final Duration BUDGET = Duration.ofSeconds(2);

    private final ProbeOutages outages;
    private final SiteRuns runs;

    OutageRefresher(ProbeOutages outages, SiteRuns runs) {
        this.outages = outages;
        this.runs = runs;
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${ioc.kpi.rollup-interval:PT2S}")
    void refreshProbeOutages() {
        drain("probe outages", outages::refresh);
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${ioc.kpi.rollup-interval:PT2S}")
    void joinRuns() {
        drain("runs of signs of life", runs::refresh);
    }

    private static void drain(String what, IntUnaryOperator refresh) {
        try {
            WorkMarks.drain(refresh, MARKS_PER_TRANSACTION, BUDGET);
        } catch (RuntimeException e) {
            // the marks stay (the transaction rolled back): the next run tries again
            log.warn("Refreshing the {} failed; will retry: {}", what, e.toString());
        }
    }
}
