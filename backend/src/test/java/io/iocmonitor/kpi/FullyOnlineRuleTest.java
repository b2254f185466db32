package io.iocmonitor.kpi;

import static io.iocmonitor.kpi.FullyOnlineRule.isFullyOnline;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.iocmonitor.telemetry.Channel;
import io.iocmonitor.telemetry.Payment;

class FullyOnlineRuleTest {

    @Test
    void onlineFullProcessPaidOnlineWithElectronicResultIsFullyOnline() {
        assertThat(isFullyOnline(Channel.ONLINE, true, Payment.ONLINE, true)).isTrue();
    }

    @Test
    void aProcedureWithoutFeeCountsAsPaidOnline() {
        assertThat(isFullyOnline(Channel.ONLINE, true, Payment.NONE, true)).isTrue();
    }

    @Test
    void submittedAtTheDeskIsNotFullyOnline() {
        assertThat(isFullyOnline(Channel.OFFLINE, true, Payment.ONLINE, true)).isFalse();
    }

    @Test
    void notAFullProcessServiceIsNotFullyOnline() {
        assertThat(isFullyOnline(Channel.ONLINE, false, Payment.ONLINE, true)).isFalse();
    }

    @Test
    void paidOfflineIsNotFullyOnline() {
        assertThat(isFullyOnline(Channel.ONLINE, true, Payment.OFFLINE, true)).isFalse();
    }

    @Test
    void resultOnPaperIsNotFullyOnline() {
        assertThat(isFullyOnline(Channel.ONLINE, true, Payment.ONLINE, false)).isFalse();
    }

    @Test
    void aCompletedWhoseReceivedHasNotArrivedIsNotFullyOnline() {
        assertThat(isFullyOnline(null, null, null, true)).isFalse();
    }

    @Test
    void aReceivedNotYetCompletedIsNotFullyOnline() {
        assertThat(isFullyOnline(Channel.ONLINE, true, Payment.ONLINE, null)).isFalse();
    }
}
