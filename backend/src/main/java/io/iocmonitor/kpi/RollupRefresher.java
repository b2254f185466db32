package io.iocmonitor.kpi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the dossier rollups current: every {@code ioc.kpi.rollup-interval} it recomputes what merges changed. */
@Component
class RollupRefresher {

    private static final Logger log = LoggerFactory.getLogger(RollupRefresher.class);
    private static final int DAYS_PER_TRANSACTION = 200;

    private final DossierRollups rollups;

    RollupRefresher(DossierRollups rollups) {
        this.rollups = rollups;
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${ioc.kpi.rollup-interval:PT2S}")
    void refresh() {
        try {
            int total = 0;
            int done;
            do {
                done = rollups.refresh(DAYS_PER_TRANSACTION);
                total += done;
            } while (done == DAYS_PER_TRANSACTION);
            if (total > DAYS_PER_TRANSACTION) {
                log.info("Recomputed the dossier rollups of {} province-days", total);
            }
        } catch (RuntimeException e) {
            // the dirty marks stay (the transaction rolled back): the next run tries again
            log.warn("Refreshing the dossier rollups failed; will retry: {}", e.toString());
        }
    }
}
