package io.iocmonitor.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.iocmonitor.outage.ProbeOutageRule.Span;

class SilenceRuleTest {

    private static final Instant T0 = Instant.parse("2025-10-01T00:00:00Z");

    /** A sign of life, or a last will, as received. */
    private record Signal(Instant ts, boolean lastWill) {
    }

    private static Instant second(int s) {
        return T0.plusSeconds(s);
    }

    private static Signal beat(int s) {
        return new Signal(second(s), false);
    }

    private static Signal will(int s) {
        return new Signal(second(s), true);
    }

    /** The rule over the signals kept as the server keeps them: runs of signs of life, and wills with their next. */
    private static List<Span> outages(List<Signal> signals, Instant now) {
        List<Signal> ordered = signals.stream().sorted(Comparator.comparing(Signal::ts)).toList();
        List<SilenceRule.Run> points = new ArrayList<>();
        List<SilenceRule.Will> wills = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Signal s = ordered.get(i);
            if (s.lastWill()) {
                wills.add(new SilenceRule.Will(s.ts(), i + 1 < ordered.size() ? ordered.get(i + 1).ts() : null));
            } else {
                points.add(new SilenceRule.Run(s.ts(), s.ts()));
            }
        }
        return SilenceRule.outages(SilenceRule.join(points), wills, now);
    }

    /** SPEC §5 word for word, over every signal in ts order: what the runs must reproduce. */
    private static List<Span> bySpec(List<Signal> signals, Instant now) {
        List<Signal> ordered = signals.stream().sorted(Comparator.comparing(Signal::ts)).toList();
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Signal current = ordered.get(i);
            @Nullable Signal next = i + 1 < ordered.size() ? ordered.get(i + 1) : null;
            boolean silent = Duration.between(current.ts(), next != null ? next.ts() : now)
                    .compareTo(SilenceRule.SILENCE) >= 0;
            if (current.lastWill() || silent) {
                Instant end = next != null ? next.ts() : null;
                if (i > 0 && ordered.get(i - 1).lastWill()) {
                    spans.add(new Span(spans.removeLast().start(), end));
                } else {
                    spans.add(new Span(current.ts(), end));
                }
            }
        }
        return spans;
    }

    @Test
    void heartbeatsEveryThirtySecondsAreNoOutage() {
        assertThat(outages(List.of(beat(0), beat(30), beat(60)), second(90))).isEmpty();
    }

    @Test
    void fiveMinutesWithoutAnythingIsASilentOutageUntilTheNextSign() {
        assertThat(outages(List.of(beat(0), beat(30), beat(330), beat(360)), second(390)))
                .containsExactly(new Span(second(30), second(330)));
    }

    @Test
    void justUnderFiveMinutesIsNoOutage() {
        assertThat(outages(List.of(beat(0), beat(299)), second(320))).isEmpty();
    }

    @Test
    void aCollectorQuietForFiveMinutesUntilNowIsInAnOpenOutage() {
        assertThat(outages(List.of(beat(0), beat(30)), second(330))).containsExactly(new Span(second(30), null));
        assertThat(outages(List.of(beat(0), beat(30)), second(329))).isEmpty();
    }

    @Test
    void theLastWillStartsAnOutageAtOnce() {
        assertThat(outages(List.of(beat(0), will(10)), second(20))).containsExactly(new Span(second(10), null));
        assertThat(outages(List.of(beat(0), will(10), beat(70)), second(80)))
                .containsExactly(new Span(second(10), second(70)));
    }

    @Test
    void wilsInARowAndTheSilenceAfterThemAreOneOutage() {
        assertThat(outages(List.of(beat(0), will(10), will(20), beat(30)), second(900)))
                .containsExactly(new Span(second(10), null));
    }

    @Test
    void aWillAmongSignsOfLifeEndsAtTheNextOne() {
        assertThat(outages(List.of(beat(0), beat(60), will(90), beat(120), beat(180)), second(200)))
                .containsExactly(new Span(second(90), second(120)));
    }

    @Test
    void runsGiveTheSameOutagesAsEverySignalInOrder() {
        Random random = new Random(2026);
        for (int round = 0; round < 2000; round++) {
            List<Signal> signals = new ArrayList<>();
            int t = 0;
            for (int i = random.nextInt(12); i >= 0; i--) {
                // distinct moments (1 s apart at least): two signals at one instant have no order in SPEC §5
                t += random.nextInt(4) == 0 ? 200 + random.nextInt(400) : 1 + random.nextInt(120);
                signals.add(new Signal(second(t), random.nextInt(6) == 0));
            }
            Collections.shuffle(signals, random);
            Instant now = second(t + random.nextInt(600));
            assertThat(outages(signals, now)).as(signals + " at " + now).isEqualTo(bySpec(signals, now));
        }
    }
}
