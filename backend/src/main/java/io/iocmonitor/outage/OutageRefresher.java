package io.iocmonitor.outage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Brings the stored probe outages up to date with the stored probes, every {@code ioc.kpi.rollup-interval}. */
@Component
class OutageRefresher {

    private static final Logger log = LoggerFactory.getLogger(OutageRefresher.class);
    private static final int MARKS_PER_TRANSACTION = 2000;

    private final ProbeOutages outages;

    OutageRefresher(ProbeOutages outages) {
        this.outages = outages;
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${ioc.kpi.rollup-interval:PT2S}")
    void refresh() {
        try {
            int done;
            do {
                done = outages.refresh(MARKS_PER_TRANSACTION);
            } while (done == MARKS_PER_TRANSACTION);
        } catch (RuntimeException e) {
            // the marks stay (the transaction rolled back): the next run tries again
            log.warn("Refreshing the probe outages failed; will retry: {}", e.toString());
        }
    }
}
