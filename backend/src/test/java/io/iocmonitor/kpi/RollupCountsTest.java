package io.iocmonitor.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.iocmonitor.telemetry.Channel;
import io.iocmonitor.telemetry.Payment;

class RollupCountsTest {

    private static final Instant RECEIVED = Instant.parse("2026-09-03T02:00:00Z");
    private static final Instant DUE = Instant.parse("2026-09-10T10:00:00Z");

    private static RollupCounts.Dossier dossier(Channel channel, Boolean fullProcess, Payment payment,
            Boolean digitized, Instant completed, Boolean eResult, Boolean eSigned) {
        return new RollupCounts.Dossier("14001", "1.004227", RECEIVED, channel, fullProcess, DUE, digitized, payment,
                completed, eResult, eSigned);
    }

    @Test
    void theReceivedDayCountsTheSubmissionAndNothingOfTheCompletion() {
        assertThat(RollupCounts.onReceivedDay(dossier(Channel.ONLINE, true, Payment.ONLINE, true, DUE, true, true)))
                .containsExactly(1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0);
        assertThat(RollupCounts.onReceivedDay(dossier(Channel.OFFLINE, false, Payment.NONE, false, null, null, null)))
                .containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        // a fee paid at the desk is due but not paid online
        assertThat(RollupCounts.onReceivedDay(dossier(Channel.OFFLINE, false, Payment.OFFLINE, false, null, null,
                null))).containsExactly(1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void theCompletedDayCountsTheOutcomeAndNothingOfTheSubmission() {
        assertThat(RollupCounts.onCompletedDay(dossier(Channel.ONLINE, true, Payment.NONE, true, DUE, true, false)))
                .containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 0);
        assertThat(RollupCounts.onCompletedDay(dossier(Channel.ONLINE, true, Payment.ONLINE, true,
                DUE.plusSeconds(1), false, true))).containsExactly(0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1);
    }

    @Test
    void aCompletionWhoseReceivedHasNotArrivedIsNeitherOnTimeNorOverdueNorFullyOnline() {
        RollupCounts.Dossier completedFirst = new RollupCounts.Dossier("14001", "1.004227", null, null, null, null,
                null, null, DUE, true, true);
        assertThat(RollupCounts.onCompletedDay(completedFirst)).containsExactly(0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1);
    }

    @Test
    void theCountsFollowTheColumnsOfTheRollupTables() {
        assertThat(RollupCounts.COLUMNS.get(RollupCounts.RECEIVED)).isEqualTo("received");
        assertThat(RollupCounts.COLUMNS.get(RollupCounts.COMPLETED)).isEqualTo("completed");
        assertThat(RollupCounts.COLUMNS).hasSize(11);
    }
}
