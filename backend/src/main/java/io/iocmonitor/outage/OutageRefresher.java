package io.iocmonitor.outage;

import java.util.function.IntUnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings the stored probe outages and runs of signs of life up to date with the stored events, every
 * {@code ioc.kpi.rollup-interval}.
 */
@Component
class OutageRefresher {

    private static final Logger log = LoggerFactory.getLogger(OutageRefresher.class);
    private static final int MARKS_PER_TRANSACTION = 2000;

    private final ProbeOutages outages;
    private final SiteRuns runs;

    OutageRefresher(ProbeOutages outages, SiteRuns runs) {
        this.outages = outages;
        this.runs = runs;
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${ioc.kpi.rollup-interval:PT2S}")
    void refresh() {
        try {
            drain(outages::refresh);
            drain(runs::refresh);
        } catch (RuntimeException e) {
            // the marks stay (the transaction rolled back): the next run tries again
            log.warn("Refreshing the outages failed; will retry: {}", e.toString());
        }
    }

    private static void drain(IntUnaryOperator refresh) {
        int done;
        do {
            done = refresh.applyAsInt(MARKS_PER_TRANSACTION);
        } while (done == MARKS_PER_TRANSACTION);
    }
}
