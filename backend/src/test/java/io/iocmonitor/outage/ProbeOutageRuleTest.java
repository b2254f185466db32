package io.iocmonitor.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.iocmonitor.outage.ProbeOutageRule.Result;
import io.iocmonitor.outage.ProbeOutageRule.Span;

class ProbeOutageRuleTest {

    private static final Instant T0 = Instant.parse("2025-10-01T00:00:00Z");

    private static Result at(int minute, boolean up) {
        return new Result(T0.plusSeconds(60L * minute), up);
    }

    private static Instant minute(int m) {
        return T0.plusSeconds(60L * m);
    }

    @Test
    void threeConsecutiveFailuresStartAnOutageAtTheFirstAndRecoveryEndsIt() {
        List<Span> spans = ProbeOutageRule.outages(List.of(at(0, true), at(1, false), at(2, false), at(3, false),
                at(4, true)));
        assertThat(spans).containsExactly(new Span(minute(1), minute(4)));
    }

    @Test
    void twoFailuresAreNoOutage() {
        assertThat(ProbeOutageRule.outages(List.of(at(0, false), at(1, false), at(2, true), at(3, false))))
                .isEmpty();
    }

    @Test
    void withoutRecoveryTheOutageIsOpen() {
        assertThat(ProbeOutageRule.outages(List.of(at(0, true), at(1, false), at(2, false), at(3, false),
                at(4, false)))).containsExactly(new Span(minute(1), null));
    }

    @Test
    void arrivalOrderDoesNotChangeTheResult() {
        List<Result> results = new ArrayList<>(List.of(at(0, true), at(1, false), at(2, false), at(3, false),
                at(4, true), at(5, false), at(6, false), at(7, true)));
        List<Span> inOrder = ProbeOutageRule.outages(results);
        Collections.reverse(results);
        assertThat(ProbeOutageRule.outages(results)).isEqualTo(inOrder).containsExactly(new Span(minute(1), minute(4)));
    }

    @Test
    void aLateSuccessInTheMiddleSplitsTheFailures() {
        // failures at 1, 2 and 4 with a success at 3 arriving late: never three in a row
        assertThat(ProbeOutageRule.outages(List.of(at(1, false), at(2, false), at(4, false), at(5, true),
                at(3, true)))).isEmpty();
    }

    @Test
    void resultsAfterThreeFailuresContinueTheOutageFromTheFirst() {
        // an outage going since minute 1 (three failures or more before): more failures, then a success at 9
        assertThat(ProbeOutageRule.outages(List.of(at(7, false), at(9, true)), minute(1), 3))
                .containsExactly(new Span(minute(1), minute(9)));
        assertThat(ProbeOutageRule.outages(List.of(at(7, false)), minute(1), 3))
                .containsExactly(new Span(minute(1), null));
    }

    @Test
    void aSuccessAfterFewerThanThreeFailuresEndsNothing() {
        // one failure at 1 before a late success at 2: failures at 3 and 4 are only two in a row
        assertThat(ProbeOutageRule.outages(List.of(at(2, true), at(3, false), at(4, false)), minute(1), 1)).isEmpty();
        // two before, one more after: three in a row from minute 1
        assertThat(ProbeOutageRule.outages(List.of(at(3, false), at(4, true)), minute(1), 2))
                .containsExactly(new Span(minute(1), minute(4)));
    }
}
