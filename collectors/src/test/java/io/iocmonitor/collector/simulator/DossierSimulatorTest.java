package io.iocmonitor.collector.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/** The simulated telemetry has SPEC §5's magnitudes: rates, lateness and office-hour rhythm. */
class DossierSimulatorTest {

    private static final Instant START = Instant.parse("2025-09-30T17:00:00Z"); // 1 Oct 00:00 ICT
    private static final Instant END = START.plus(Duration.ofDays(28));
    private static List<SimulatedEvent> events;

    @BeforeAll
    static void simulateFourWeeks() {
        List<SimulatedProvince> provinces = IntStream.rangeClosed(1, 34)
                .mapToObj(i -> "%02d".formatted(i * 2))
                .map(code -> new SimulatedProvince(code,
                        IntStream.rangeClosed(1, 80).mapToObj(j -> code + "%03d".formatted(j)).toList()))
                .toList();
        DossierSimulator simulator = new DossierSimulator(provinces, 2.0, START, 42);
        events = new ArrayList<>(simulator.advanceTo(END));
    }

    private static String province(SimulatedEvent e) {
        return e.topic().split("/")[2];
    }

    @Test
    void eventsComeInTimeOrderAndNoneAfterNow() {
        assertThat(events).isNotEmpty();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).ts()).isAfterOrEqualTo(events.get(i - 1).ts());
        }
        assertThat(events.getLast().ts()).isBeforeOrEqualTo(END);
    }

    @Test
    void fullProcessOnlineRatesAreMostlyBetweenTenAndSixtyPercent() {
        Map<String, ObjectNode> receivedByDossier = new HashMap<>();
        Map<String, int[]> perProvince = new HashMap<>(); // [fully online, completed]
        for (SimulatedEvent e : events) {
            ObjectNode body = e.body();
            String dossier = body.get("dossierId").asString();
            switch (body.get("event").asString()) {
                case "received" -> receivedByDossier.put(dossier, body);
                case "completed" -> {
                    ObjectNode r = receivedByDossier.get(dossier);
                    boolean fully = r != null && r.get("channel").asString().equals("online")
                            && r.get("fullProcess").asBoolean()
                            && !r.get("payment").asString().equals("offline")
                            && body.get("eResult").asBoolean();
                    int[] counts = perProvince.computeIfAbsent(province(e), k -> new int[2]);
                    counts[0] += fully ? 1 : 0;
                    counts[1]++;
                }
                default -> { }
            }
        }
        assertThat(perProvince).hasSize(34);
        long inRange = perProvince.values().stream()
                .mapToDouble(c -> (double) c[0] / c[1])
                .filter(rate -> rate >= 0.10 && rate <= 0.60)
                .count();
        assertThat(inRange).isGreaterThanOrEqualTo(30);
        double national = perProvince.values().stream().mapToInt(c -> c[0]).sum()
                / (double) perProvince.values().stream().mapToInt(c -> c[1]).sum();
        assertThat(national).isBetween(0.25, 0.45);
    }

    @Test
    void aboutSevenToEightPercentOfCompletedDossiersAreLate() {
        Map<String, Instant> dueByDossier = new HashMap<>();
        int completed = 0;
        int late = 0;
        for (SimulatedEvent e : events) {
            ObjectNode body = e.body();
            String dossier = body.get("dossierId").asString();
            if (body.get("event").asString().equals("received")) {
                dueByDossier.put(dossier, OffsetDateTime.parse(body.get("dueAt").asString()).toInstant());
            } else if (body.get("event").asString().equals("completed") && dueByDossier.containsKey(dossier)) {
                completed++;
                late += e.ts().isAfter(dueByDossier.get(dossier)) ? 1 : 0;
            }
        }
        assertThat((double) late / completed).isBetween(0.05, 0.10);
    }

    @Test
    void receptionsPeakInOfficeHours() {
        int[] byHour = new int[24];
        events.stream().filter(e -> e.body().get("event").asString().equals("received"))
                .forEach(e -> byHour[e.ts().atZone(OfficeHours.ICT).getHour()]++);
        int morningPeak = byHour[8] + byHour[9] + byHour[10];
        int night = byHour[1] + byHour[2] + byHour[3];
        assertThat(morningPeak).isGreaterThan(20 * night);
    }

    @Test
    void timestampsAreRfc3339WithTheIctOffset() {
        String ts = events.getFirst().body().get("ts").asString();
        assertThat(ts).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+07:00");
    }
}
