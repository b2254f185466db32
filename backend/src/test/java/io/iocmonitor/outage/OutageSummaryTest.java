package io.iocmonitor.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class OutageSummaryTest {

    private static final Instant FROM = Instant.parse("2026-10-31T17:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-30T17:00:00Z");

    private static Outage outage(String start, String end) {
        return new Outage("01", "01001", "portal", OutageCause.PROBE, Instant.parse(start),
                end == null ? null : Instant.parse(end));
    }

    @Test
    void mttrIsTheMeanDurationOfOutagesEndedInThePeriod() {
        OutageSummary s = OutageSummary.of("01", List.of(
                outage("2026-11-02T00:00:00Z", "2026-11-02T00:10:00Z"),     // 600 s
                outage("2026-11-03T00:00:00Z", "2026-11-03T00:30:00Z"),     // 1,800 s
                outage("2026-10-31T16:00:00Z", "2026-10-31T18:00:00Z"),     // started before, ended in: 7,200 s
                outage("2026-11-30T16:00:00Z", "2026-11-30T18:00:00Z"),     // ended after the period: not repaired in it
                outage("2026-11-20T00:00:00Z", null)), FROM, TO);           // still open
        assertThat(s.outages()).isEqualTo(5);
        assertThat(s.open()).isEqualTo(1);
        assertThat(s.ended()).isEqualTo(3);
        assertThat(s.mttrSeconds()).isEqualTo((600 + 1800 + 7200) / 3);
    }

    @Test
    void noOutageEndedMeansNoMttr() {
        OutageSummary s = OutageSummary.of("01", List.of(outage("2026-11-20T00:00:00Z", null)), FROM, TO);
        assertThat(s.mttrSeconds()).isNull();
        assertThat(OutageSummary.of("01", List.of(), FROM, TO).outages()).isZero();
    }
}
