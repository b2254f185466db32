package io.iocmonitor.collector.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes dossier life-cycles: receptions at office-hour rhythms in proportion to each province's size, and for each
 * its completion (or cancellation) at a later time. Events due after "now" wait until a later {@link #advanceTo}.
 * Not thread-safe: one caller advances it.
 */
final class DossierSimulator {

    private static final String[] PROCEDURES = {
        "1.004227", "1.001612", "2.000908", "1.003003", "2.001884", "1.000775",
        "1.001193", "2.002156", "1.010092", "1.004946", "2.000748", "1.002253"};
    private static final int[] LEGAL_DAYS = {1, 3, 5, 7, 10, 15};

    private final List<SimulatedProvince> provinces;
    private final Map<String, ProvinceProfile> profiles = new HashMap<>();
    private final double dossiersPerCommunePerDay;
    private final Random random;
    private final JsonMapper json = JsonMapper.builder().build();
    private final PriorityQueue<SimulatedEvent> pending =
            new PriorityQueue<>((a, b) -> a.ts().compareTo(b.ts()));
    private Instant clock;
    private long sequence;

    DossierSimulator(List<SimulatedProvince> provinces, double dossiersPerCommunePerDay, Instant start, long seed) {
        this.provinces = List.copyOf(provinces);
        provinces.forEach(p -> profiles.put(p.code(), ProvinceProfile.of(p.code())));
        this.dossiersPerCommunePerDay = dossiersPerCommunePerDay;
        this.clock = start;
        this.random = new Random(seed);
    }

    /**
     * Simulates the time from the last call up to {@code now} and returns every event that has happened by then,
     * in time order.
     */
    List<SimulatedEvent> advanceTo(Instant now) {
        while (clock.isBefore(now)) {
            Instant next = clock.plus(Duration.ofMinutes(5));
            Instant stepEnd = next.isAfter(now) ? now : next;
            receive(clock, stepEnd);
            clock = stepEnd;
        }
        List<SimulatedEvent> due = new ArrayList<>();
        while (!pending.isEmpty() && !pending.peek().ts().isAfter(now)) {
            due.add(pending.poll());
        }
        return due;
    }

    private void receive(Instant from, Instant to) {
        double hours = Duration.between(from, to).toMillis() / 3_600_000.0;
        double share = OfficeHours.shareOfDayPerHour(from) * hours;
        for (SimulatedProvince province : provinces) {
            ProvinceProfile profile = profiles.get(province.code());
            double expected = province.communes().size() * dossiersPerCommunePerDay * share;
            int count = Draws.poisson(random, expected);
            for (int i = 0; i < count; i++) {
                Instant ts = from.plusMillis((long) (random.nextDouble() * Duration.between(from, to).toMillis()));
                lifeCycle(province, profile, ts);
            }
        }
    }

    private void lifeCycle(SimulatedProvince province, ProvinceProfile profile, Instant receivedAt) {
        String commune = province.communes().get(random.nextInt(province.communes().size()));
        String topic = "ioc/v1/" + province.code() + "/" + commune + "/dossier";
        String dossierId = "H" + province.code() + "-" + Long.toString(++sequence, 36).toUpperCase()
                + "-" + Integer.toString(random.nextInt(1 << 20), 36).toUpperCase();
        String procedure = PROCEDURES[random.nextInt(PROCEDURES.length)];
        boolean online = random.nextDouble() < profile.onlineShare();
        boolean fullProcess = online && random.nextDouble() < profile.fullProcessGivenOnline();
        String payment = payment(fullProcess);
        Instant dueAt = receivedAt.plus(Duration.ofDays(LEGAL_DAYS[random.nextInt(LEGAL_DAYS.length)]));

        ObjectNode received = event(receivedAt, dossierId, procedure, "received");
        received.put("channel", online ? "online" : "offline");
        received.put("fullProcess", fullProcess);
        received.put("dueAt", OfficeHours.rfc3339(dueAt));
        received.put("digitized", random.nextDouble() < profile.digitizedShare());
        received.put("payment", payment);
        pending.add(new SimulatedEvent(receivedAt, topic, received));

        long window = Duration.between(receivedAt, dueAt).toMillis();
        double outcome = random.nextDouble();
        if (outcome < ProvinceProfile.CANCELLED_SHARE) {
            Instant at = receivedAt.plusMillis((long) (random.nextDouble() * window));
            pending.add(new SimulatedEvent(at, topic, event(at, dossierId, procedure, "cancelled")));
            return;
        }
        Instant completedAt = outcome < ProvinceProfile.CANCELLED_SHARE + ProvinceProfile.LATE_SHARE
                ? dueAt.plusMillis((long) ((0.05 + random.nextDouble() * 3) * 86_400_000L))
                : receivedAt.plusMillis((long) ((0.05 + random.nextDouble() * 0.9) * window));
        boolean eResult = random.nextDouble() < (fullProcess ? 0.95 : 0.35);
        ObjectNode completed = event(completedAt, dossierId, procedure, "completed");
        completed.put("eResult", eResult);
        completed.put("eSigned", random.nextDouble() < (eResult ? 0.9 : 0.1));
        pending.add(new SimulatedEvent(completedAt, topic, completed));
    }

    private String payment(boolean fullProcess) {
        double u = random.nextDouble();
        if (fullProcess) {
            return u < 0.55 ? "online" : u < 0.90 ? "none" : "offline";
        }
        return u < 0.10 ? "online" : u < 0.50 ? "none" : "offline";
    }

    private ObjectNode event(Instant ts, String dossierId, String procedure, String step) {
        ObjectNode node = json.createObjectNode();
        node.put("id", UUID.randomUUID().toString());
        node.put("ts", OfficeHours.rfc3339(ts));
        node.put("dossierId", dossierId);
        node.put("procedureCode", procedure);
        node.put("event", step);
        return node;
    }
}
