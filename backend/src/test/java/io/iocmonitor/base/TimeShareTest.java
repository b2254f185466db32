package io.iocmonitor.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeShareTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aRunOfTwoSecondsAtAQuarterShareWaitsSixSecondsBeforeTheNext() {
        TimeShare quarter = new TimeShare(0.25);
        assertThat(quarter.due(0)).as("the first run").isTrue();

        quarter.ran(10 * SECOND, 12 * SECOND);

        assertThat(quarter.due(17 * SECOND)).isFalse();
        assertThat(quarter.due(18 * SECOND)).isTrue();
    }

    @Test
    void aQuickRunLeavesTheJobAtItsOwnInterval() {
        TimeShare quarter = new TimeShare(0.25);

        quarter.ran(10 * SECOND, 10 * SECOND + 10_000_000L);

        assertThat(quarter.due(10 * SECOND + 40_000_000L)).isTrue();
    }

    @Test
    void theWholeTimeNeverWaits() {
        TimeShare whole = new TimeShare(1);

        whole.ran(0, 5 * SECOND);

        assertThat(whole.due(5 * SECOND)).isTrue();
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new TimeShare(0)).hasMessageContaining("not 0.0");
        assertThatThrownBy(() -> new TimeShare(1.5)).hasMessageContaining("not 1.5");
    }
}
