package io.iocmonitor.kpi;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.iocmonitor.base.Ict;
import io.iocmonitor.base.TimeShare;
import io.iocmonitor.base.WorkMarks;

/**
 * Keeps the recomputed dossier rollups current: every {@code ioc.kpi.rollup-interval} (or, when that work is heavy,
 * so that it takes at most a quarter of the time) it recomputes the province-days marked after a bulk load (ingestion
 * keeps the daily and monthly rollups itself), and the open dossiers at the end of each day that has ended.
 */
@Component
class RollupRefresher {

    private static final Logger log = LoggerFactory.getLogger(RollupRefresher.class);
    private static final int DAYS_PER_TRANSACTION = 200;
    private static final Duration OPEN_BUDGET = Duration.ofSeconds(2);

    private final TimeShare share;

    private final DossierRollups rollups;
    private final Clock clock;

    // Recomputing a day reads all its dossiers, and ingestion waits while it does: after a large bulk load the
    // refresher would otherwise hold the writers back for as long as it takes. Figures then lag by a few more seconds.
    RollupRefresher(DossierRollups rollups, Clock clock, @Value("${ioc.kpi.rollup-max-share:0.25}") double maxShare) {
        this.rollups = rollups;
        this.clock = clock;
        try {
            this.share = new TimeShare(maxShare);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ioc.kpi.rollup-max-share: " + e.getMessage(), e);
        }
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${ioc.kpi.rollup-interval:PT2S}")
    void refresh() {
        try {
            rollups.catchUpEndedDays(Ict.dateOf(clock.instant()));
            int days = refreshDays();
            // Past day-ends can pile up (a backlog of old open dossiers arriving marks every day since): at most
            // OPEN_BUDGET of that work each run, so that the period rollups, which the dashboards read, never wait
            // long behind it. It has its own budget, so it does not count against the days' share of the time.
            int dayEnds = WorkMarks.drain(rollups::refreshOpen, DAYS_PER_TRANSACTION, OPEN_BUDGET);
            if (days + dayEnds > DAYS_PER_TRANSACTION) {
                log.info("Recomputed the dossier rollups of {} province-days and the open dossiers at the end of {}",
                        days, dayEnds);
            }
        } catch (RuntimeException e) {
            // the dirty marks stay (the transaction rolled back): the next run tries again
            log.warn("Refreshing the dossier rollups failed; will retry: {}", e.toString());
        }
    }

    private int refreshDays() {
        long start = System.nanoTime();
        if (!share.due(start)) {
            return 0;
        }
        try {
            return WorkMarks.drain(rollups::refresh, DAYS_PER_TRANSACTION, null);
        } finally {
            share.ran(start, System.nanoTime());
        }
    }
}
