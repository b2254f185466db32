package io.iocmonitor.collector.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the other telemetry of each province's data centre, minute by minute, so that the demo's VNeID, probe,
 * portal-sync and outage views have something to show: VNeID logins (9 a minute, the national 425,000 a day spread
 * over the provinces; 99.9 % ok, so that the 99 % alert fires only now and then), a probe of the national portal
 * and of the provincial system every minute (the provincial system goes down for 5–30 minutes about once a day,
 * which makes outages), the sync queue towards the portal every minute, and a collector heartbeat every 30 s. All
 * from the province-level site ({@code -}). Not thread-safe: one caller advances it.
 */
final class SignalSimulator {

    private static final String SITE = "-";
    private static final String[] VNEID_ERRORS = {"AUTH_401", "OTP_EXPIRED", "UPSTREAM_502"};
    private static final double LOGINS_PER_MINUTE = 9;
    /** The sync queue's usual length, which it drifts back to. */
    private static final long USUAL_QUEUE = 40;
    /** Chance that a province's provincial system goes down in a given minute: about once a day. */
    private static final double OUTAGE_PER_MINUTE = 1.0 / 1440;

    private final List<SimulatedProvince> provinces;
    private final Random random;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Instant> downUntil = new HashMap<>();
    private final Map<String, Long> pending = new HashMap<>();
    private Instant clock;

    SignalSimulator(List<SimulatedProvince> provinces, Instant start, long seed) {
        this.provinces = List.copyOf(provinces);
        this.clock = start.truncatedTo(ChronoUnit.MINUTES);
        this.random = new Random(seed);
    }

    /** Every event from the last call up to {@code now}, in time order. */
    List<SimulatedEvent> advanceTo(Instant now) {
        List<SimulatedEvent> events = new ArrayList<>();
        while (!clock.plus(Duration.ofMinutes(1)).isAfter(now)) {
            for (SimulatedProvince province : provinces) {
                minute(province.code(), clock, events);
            }
            clock = clock.plus(Duration.ofMinutes(1));
        }
        events.sort(Comparator.comparing(SimulatedEvent::ts));
        return events;
    }

    private void minute(String province, Instant minute, List<SimulatedEvent> events) {
        for (int i = Draws.poisson(random, LOGINS_PER_MINUTE); i > 0; i--) {
            Instant ts = minute.plusMillis(random.nextInt(60_000));
            double r = random.nextDouble();
            String result = r < 0.999 ? "ok" : r < 0.9997 ? "fail" : "timeout";
            ObjectNode login = event(ts);
            login.put("result", result);
            login.put("latencyMs", switch (result) {
                case "ok" -> 350 + (long) (-Math.log(1 - random.nextDouble()) * 650);
                case "timeout" -> 30_000;
                default -> 200 + random.nextInt(1800);
            });
            if (result.equals("fail")) {
                login.put("errorCode", VNEID_ERRORS[random.nextInt(VNEID_ERRORS.length)]);
            }
            events.add(new SimulatedEvent(ts, topic(province, "vneid"), login));
        }
        if (!downUntil.containsKey(province) && random.nextDouble() < OUTAGE_PER_MINUTE) {
            downUntil.put(province, minute.plus(Duration.ofMinutes(5 + random.nextInt(26))));
        }
        boolean systemUp = !downUntil.containsKey(province) || !minute.isBefore(downUntil.get(province));
        if (systemUp) {
            downUntil.remove(province);
        }
        Instant probeAt = minute.plusSeconds(5);
        events.add(probe(province, probeAt, "dichvucong.gov.vn", "portal", random.nextDouble() >= 0.002));
        events.add(probe(province, probeAt, "mcdt-" + province, "provincial-system",
                systemUp && random.nextDouble() >= 0.002));

        long last = pending.getOrDefault(province, USUAL_QUEUE);
        long queue = Math.max(0, last + (USUAL_QUEUE - last) / 10 + random.nextInt(21) - 10 + (systemUp ? 0 : 15));
        pending.put(province, queue);
        Instant syncAt = minute.plusSeconds(20);
        ObjectNode sync = event(syncAt);
        sync.put("system", "mcdt-" + province);
        sync.put("pending", queue);
        sync.put("failed", systemUp ? (random.nextDouble() < 0.05 ? 1 : 0) : 3);
        sync.put("lagSeconds", queue * 3);
        events.add(new SimulatedEvent(syncAt, topic(province, "sync"), sync));

        for (int s = 0; s < 60; s += 30) {
            Instant beatAt = minute.plusSeconds(s + 10);
            ObjectNode beat = event(beatAt);
            beat.put("collector", "simulator-" + province);
            beat.put("version", "demo");
            beat.put("status", "online");
            events.add(new SimulatedEvent(beatAt, topic(province, "heartbeat"), beat));
        }
    }

    private SimulatedEvent probe(String province, Instant ts, String target, String targetType, boolean up) {
        ObjectNode probe = event(ts);
        probe.put("target", target);
        probe.put("targetType", targetType);
        probe.put("method", "http");
        probe.put("up", up);
        if (up) {
            probe.put("latencyMs", 40 + random.nextInt(400));
        }
        return new SimulatedEvent(ts, topic(province, "probe"), probe);
    }

    private ObjectNode event(Instant ts) {
        ObjectNode node = json.createObjectNode();
        node.put("id", UUID.randomUUID().toString());
        node.put("ts", OfficeHours.rfc3339(ts));
        return node;
    }

    private static String topic(String province, String kind) {
        return "ioc/v1/" + province + "/" + SITE + "/" + kind;
    }
}
