package io.iocmonitor.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.iocmonitor.alerting.rules.AlertLifecycle.Transition;

/** The firing policies: for, hysteresis, hold-down and the life-cycle that combines them, driven by a clock. */
class PoliciesTest {

    private static final Instant T0 = Instant.parse("2026-01-05T01:00:00Z");
    private final Hysteresis hysteresis = new Hysteresis(Threshold.parse("< 0.80").orElseThrow(),
            Threshold.parse(">= 0.82").orElseThrow());

    private static Observation value(double v) {
        return Observation.of(Map.of("province", "01"), v);
    }

    private static Instant at(int minutes) {
        return Clock.offset(Clock.fixed(T0, ZoneOffset.UTC), Duration.ofMinutes(minutes)).instant();
    }

    @Test
    void forFiresExactlyWhenTheDurationHasPassed() {
        ForPolicy policy = new ForPolicy(Duration.ofMinutes(10));
        assertThat(policy.shouldFire(at(0), at(9))).isFalse();
        assertThat(policy.shouldFire(at(0), at(10))).isTrue();
        assertThat(new ForPolicy(Duration.ZERO).shouldFire(at(3), at(3))).isTrue();
    }

    @Test
    void holdDownKeepsFiringUntilTheDurationAfterTheLastTrouble() {
        HoldDown holdDown = new HoldDown(Duration.ofMinutes(5));
        assertThat(holdDown.keepFiring(at(10), at(14))).isTrue();
        assertThat(holdDown.keepFiring(at(10), at(15))).isFalse();
        assertThat(new HoldDown(Duration.ZERO).keepFiring(at(10), at(10))).isFalse();
    }

    @Test
    void hysteresisEntersOnTheConditionAndLeavesOnlyOnTheRecovery() {
        assertThat(hysteresis.inTrouble(false, value(0.81))).isFalse();
        assertThat(hysteresis.inTrouble(false, value(0.79))).isTrue();
        assertThat(hysteresis.inTrouble(true, value(0.81))).isTrue();
        assertThat(hysteresis.inTrouble(true, value(0.82))).isFalse();
    }

    @Test
    void insufficientDataNeitherStartsNorEndsTrouble() {
        Observation few = new Observation(Map.of("province", "01"), 0.1, true, null);
        Observation none = new Observation(Map.of("province", "01"), null, false, null);
        assertThat(hysteresis.inTrouble(false, few)).isFalse();
        assertThat(hysteresis.inTrouble(true, few)).isTrue();
        assertThat(hysteresis.inTrouble(false, none)).isFalse();
        assertThat(hysteresis.inTrouble(true, none)).isTrue();
    }

    @Test
    void aScopeNoLongerObservedIsWellAgain() {
        assertThat(hysteresis.inTrouble(true, null)).isFalse();
    }

    @Test
    void aRateWhoseDataStopsNeitherRecoversNorStartsTrouble() {
        assertThat(hysteresis.inTrouble(true, null, SignalKind.VNEID_SUCCESS_RATE.absentMeansWell())).isTrue();
        assertThat(hysteresis.inTrouble(false, null, SignalKind.VNEID_SUCCESS_RATE.absentMeansWell())).isFalse();
        assertThat(hysteresis.inTrouble(true, null, SignalKind.PROBE_OUTAGE_SECONDS.absentMeansWell())).isFalse();
    }

    @Test
    void aValueHoveringAroundTheThresholdFiresOnceAndResolvesOnce() {
        AlertLifecycle lifecycle = new AlertLifecycle(new ForPolicy(Duration.ZERO), new HoldDown(Duration.ZERO));
        double[] values = {0.79, 0.805, 0.795, 0.81, 0.799, 0.815, 0.83, 0.81, 0.805};
        AlertTrack track = null;
        boolean inTrouble = false;
        int fired = 0;
        int resolved = 0;
        for (int i = 0; i < values.length; i++) {
            inTrouble = hysteresis.inTrouble(inTrouble, value(values[i]));
            AlertLifecycle.Step step = lifecycle.step(track, inTrouble, Set.of(), at(i));
            fired += step.transition() == Transition.FIRING ? 1 : 0;
            resolved += step.transition() == Transition.RESOLVED ? 1 : 0;
            track = step.next();
        }
        assertThat(fired).isOne();
        assertThat(resolved).isOne();
    }

    @Test
    void lifecyclePendingThenFiringThenHeldThenResolved() {
        AlertLifecycle lifecycle = new AlertLifecycle(new ForPolicy(Duration.ofMinutes(2)),
                new HoldDown(Duration.ofMinutes(3)));
        AlertLifecycle.Step s = lifecycle.step(null, true, Set.of("a"), at(0));
        assertThat(s.transition()).isEqualTo(Transition.PENDING);
        s = lifecycle.step(s.next(), true, Set.of("a"), at(1));
        assertThat(s.transition()).isEqualTo(Transition.NONE);
        assertThat(s.next().state()).isEqualTo(AlertState.PENDING);
        s = lifecycle.step(s.next(), true, Set.of("a"), at(2));
        assertThat(s.transition()).isEqualTo(Transition.FIRING);
        assertThat(s.next().activeSince()).isEqualTo(at(0));
        assertThat(s.next().firedAt()).isEqualTo(at(2));
        s = lifecycle.step(s.next(), false, Set.of(), at(3));
        assertThat(s.transition()).isEqualTo(Transition.NONE);
        assertThat(s.next().state()).isEqualTo(AlertState.FIRING);
        assertThat(s.next().lastActiveAt()).isEqualTo(at(2));
        s = lifecycle.step(s.next(), false, Set.of(), at(5));
        assertThat(s.transition()).isEqualTo(Transition.RESOLVED);
        assertThat(s.next().state()).isEqualTo(AlertState.RESOLVED);
    }

    @Test
    void troubleReturningDuringTheHoldDownKeepsTheSameAlert() {
        AlertLifecycle lifecycle = new AlertLifecycle(new ForPolicy(Duration.ZERO), new HoldDown(Duration.ofMinutes(3)));
        AlertLifecycle.Step s = lifecycle.step(null, true, Set.of(), at(0));
        s = lifecycle.step(s.next(), false, Set.of(), at(1));
        s = lifecycle.step(s.next(), true, Set.of(), at(2));
        assertThat(s.transition()).isEqualTo(Transition.NONE);
        assertThat(s.next().firedAt()).isEqualTo(at(0));
        assertThat(s.next().lastActiveAt()).isEqualTo(at(2));
    }

    @Test
    void aPendingAlertWhoseConditionEndsIsDroppedUnannounced() {
        AlertLifecycle lifecycle = new AlertLifecycle(new ForPolicy(Duration.ofMinutes(5)), new HoldDown(Duration.ZERO));
        AlertLifecycle.Step s = lifecycle.step(null, true, Set.of(), at(0));
        s = lifecycle.step(s.next(), false, Set.of(), at(1));
        assertThat(s.transition()).isEqualTo(Transition.DROPPED);
        assertThat(s.next()).isNull();
        assertThat(lifecycle.step(null, false, Set.of(), at(2)))
                .isEqualTo(new AlertLifecycle.Step(null, Transition.NONE));
    }

    @Test
    void afterAResolvedAlertNewTroubleOpensANewOne() {
        AlertLifecycle lifecycle = new AlertLifecycle(new ForPolicy(Duration.ZERO), new HoldDown(Duration.ZERO));
        AlertTrack resolved = new AlertTrack(AlertState.RESOLVED, at(0), at(0), at(0), Set.of());
        AlertLifecycle.Step s = lifecycle.step(resolved, true, Set.of(), at(4));
        assertThat(s.transition()).isEqualTo(Transition.FIRING);
        assertThat(s.next().activeSince()).isEqualTo(at(4));
    }
}
