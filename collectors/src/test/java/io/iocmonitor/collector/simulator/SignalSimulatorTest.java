package io.iocmonitor.collector.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's other telemetry: every kind each minute, VNeID at its rate, and outages of the provincial systems. */
class SignalSimulatorTest {

    private static final Instant START = Instant.parse("2025-09-30T17:00:00Z");
    private static final int DAYS = 3;
    private static final List<String> PROVINCES = IntStream.rangeClosed(1, 10).mapToObj("%02d"::formatted).toList();
    private static List<SimulatedEvent> events;

    @BeforeAll
    static void simulateThreeDays() {
        SignalSimulator simulator = new SignalSimulator(PROVINCES.stream()
                .map(code -> new SimulatedProvince(code, List.of(code + "001"))).toList(), START, 7);
        events = new ArrayList<>(simulator.advanceTo(START.plus(Duration.ofDays(DAYS)).minusSeconds(30)));
        events.addAll(simulator.advanceTo(START.plus(Duration.ofDays(DAYS))));
    }

    private static String kind(SimulatedEvent e) {
        return e.topic().substring(e.topic().lastIndexOf('/') + 1);
    }

    @Test
    void eachProvinceReportsEveryKindFromItsProvinceLevelSite() {
        long minutes = Duration.ofDays(DAYS).toMinutes();
        Map<String, Long> byKind = events.stream().collect(Collectors.groupingBy(SignalSimulatorTest::kind,
                Collectors.counting()));
        assertThat(byKind.get("probe")).isEqualTo(2 * minutes * PROVINCES.size());
        assertThat(byKind.get("sync")).isEqualTo(minutes * PROVINCES.size());
        assertThat(byKind.get("heartbeat")).isEqualTo(2 * minutes * PROVINCES.size());
        // about 9 logins a minute per province
        assertThat(byKind.get("vneid")).isBetween((long) (8.8 * minutes * PROVINCES.size()),
                (long) (9.2 * minutes * PROVINCES.size()));
        assertThat(events).allMatch(e -> e.topic().matches("ioc/v1/\\d{2}/-/(vneid|probe|sync|heartbeat)"));
        assertThat(events).isSortedAccordingTo(Comparator.comparing(SimulatedEvent::ts));
        assertThat(events).allMatch(e -> !e.ts().isBefore(START) && e.ts().isBefore(START.plus(Duration.ofDays(DAYS))));
    }

    @Test
    void mostLoginsSucceedAndFailuresNameAnError() {
        List<SimulatedEvent> logins = events.stream().filter(e -> kind(e).equals("vneid")).toList();
        long ok = logins.stream().filter(e -> e.body().get("result").asString().equals("ok")).count();
        assertThat((double) ok / logins.size()).isBetween(0.998, 0.9995);
        assertThat(logins).filteredOn(e -> e.body().get("result").asString().equals("fail"))
                .allMatch(e -> e.body().has("errorCode"));
    }

    @Test
    void theSyncQueueStaysNearItsUsualLength() {
        assertThat(events).filteredOn(e -> kind(e).equals("sync"))
                .allMatch(e -> e.body().get("pending").asLong() < 400);
    }

    @Test
    void provincialSystemsGoDownForMinutesAboutOnceADay() {
        int outages = 0;
        for (String province : PROVINCES) {
            List<Boolean> up = events.stream()
                    .filter(e -> e.topic().equals("ioc/v1/" + province + "/-/probe")
                            && e.body().get("target").asString().equals("mcdt-" + province))
                    .map(e -> e.body().get("up").asBoolean()).toList();
            int downs = 0;
            for (boolean u : up) {
                downs = u ? 0 : downs + 1;
                if (downs == 5) {
                    outages++; // at least 5 minutes down in a row: a simulated outage, not a lone failure
                }
            }
        }
        // 10 provinces × 3 days at about one a day
        assertThat(outages).isBetween(10, 60);
    }
}
