package io.iocmonitor.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.iocmonitor.outage.ProbeOutageRule.Span;
import io.iocmonitor.outage.SilenceRule.Signal;

class SilenceRuleTest {

    private static final Instant T0 = Instant.parse("2025-10-01T00:00:00Z");

    private static Instant second(int s) {
        return T0.plusSeconds(s);
    }

    private static Signal beat(int s) {
        return new Signal(second(s), false);
    }

    @Test
    void heartbeatsEveryThirtySecondsAreNoOutage() {
        assertThat(SilenceRule.outages(List.of(beat(0), beat(30), beat(60)), second(90))).isEmpty();
    }

    @Test
    void fiveMinutesWithoutAnythingIsASilentOutageUntilTheNextSign() {
        assertThat(SilenceRule.outages(List.of(beat(0), beat(30), beat(330), beat(360)), second(390)))
                .containsExactly(new Span(second(30), second(330)));
    }

    @Test
    void justUnderFiveMinutesIsNoOutage() {
        assertThat(SilenceRule.outages(List.of(beat(0), beat(299)), second(320))).isEmpty();
    }

    @Test
    void aCollectorQuietForFiveMinutesUntilNowIsInAnOpenOutage() {
        assertThat(SilenceRule.outages(List.of(beat(0), beat(30)), second(330)))
                .containsExactly(new Span(second(30), null));
        assertThat(SilenceRule.outages(List.of(beat(0), beat(30)), second(329))).isEmpty();
    }

    @Test
    void theLastWillStartsAnOutageAtOnce() {
        assertThat(SilenceRule.outages(List.of(beat(0), new Signal(second(10), true)), second(20)))
                .containsExactly(new Span(second(10), null));
        assertThat(SilenceRule.outages(List.of(beat(0), new Signal(second(10), true), beat(70)), second(80)))
                .containsExactly(new Span(second(10), second(70)));
    }
}
