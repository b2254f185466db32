package io.iocmonitor.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TelemetryParserTest {

    private static final String TOPIC = "ioc/v1/01/00004/dossier";
    private static final Instant NOW = Instant.parse("2025-10-15T03:00:00Z");

    private final TelemetryParser parser = new TelemetryParser(new KnownSites() {
        @Override
        public boolean isProvince(String provinceCode) {
            return Set.of("01", "79").contains(provinceCode);
        }

        @Override
        public boolean isCommuneOf(String provinceCode, String communeCode) {
            return provinceCode.equals("01") && communeCode.equals("00004");
        }
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    private static String received(String id) {
        return """
                {"id":"%s","ts":"2025-10-15T08:30:00+07:00","dossierId":"D1","procedureCode":"1.004227",
                 "event":"received","channel":"online","fullProcess":true,"dueAt":"2025-10-20T17:00:00+07:00",
                 "digitized":true,"payment":"none"}""".formatted(id);
    }

    private ParsedMessage parse(String topic, String payload) {
        return parser.parse(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    private String onlyReason(String topic, String payload) {
        ParsedMessage parsed = parse(topic, payload);
        assertThat(parsed.events()).isEmpty();
        assertThat(parsed.rejections()).hasSize(1);
        return parsed.rejections().getFirst().reason();
    }

    @Test
    void validReceivedIsParsedWithEveryField() {
        ParsedMessage parsed = parse(TOPIC, received("e1"));
        assertThat(parsed.rejections()).isEmpty();
        DossierEvent e = (DossierEvent) parsed.events().getFirst();
        assertThat(e.id()).isEqualTo("e1");
        assertThat(e.ts()).isEqualTo(Instant.parse("2025-10-15T01:30:00Z"));
        assertThat(e.province()).isEqualTo("01");
        assertThat(e.commune()).isEqualTo("00004");
        assertThat(e.step()).isEqualTo(DossierStep.RECEIVED);
        assertThat(e.channel()).isEqualTo(Channel.ONLINE);
        assertThat(e.fullProcess()).isTrue();
        assertThat(e.payment()).isEqualTo(Payment.NONE);
        assertThat(e.dueAt()).isEqualTo(Instant.parse("2025-10-20T10:00:00Z"));
    }

    @Test
    void completedNeedsOnlyItsOwnFields() {
        ParsedMessage parsed = parse(TOPIC, """
                {"id":"c1","ts":"2025-10-15T02:00:00Z","dossierId":"D1","procedureCode":"1.004227",
                 "event":"completed","eResult":true,"eSigned":false}""");
        assertThat(parsed.rejections()).isEmpty();
        assertThat(((DossierEvent) parsed.events().getFirst()).eResult()).isTrue();
    }

    @Test
    void aBadElementOfABatchIsRejectedAloneAndTheOthersKept() {
        String batch = "[" + received("a") + ", {\"id\":\"b\"}, " + received("c") + "]";
        ParsedMessage parsed = parse(TOPIC, batch);
        assertThat(parsed.events()).extracting(TelemetryEvent::id).containsExactly("a", "c");
        assertThat(parsed.rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("field \"ts\" is missing"))
                .satisfies(r -> assertThat(r.payload()).isEqualTo("{\"id\":\"b\"}"));
    }

    @Test
    void invalidJsonIsRejectedWhole() {
        assertThat(onlyReason(TOPIC, "{not json")).startsWith("not valid JSON");
    }

    @Test
    void missingRequiredFieldOfReceivedIsNamed() {
        assertThat(onlyReason(TOPIC, received("x").replace("\"channel\":\"online\",", "")))
                .isEqualTo("field \"channel\" is missing");
    }

    @Test
    void wrongTypeIsNamed() {
        assertThat(onlyReason(TOPIC, received("x").replace("\"fullProcess\":true", "\"fullProcess\":\"yes\"")))
                .isEqualTo("field \"fullProcess\": expected true or false, got string");
    }

    @Test
    void unknownEnumValueIsNamed() {
        assertThat(onlyReason(TOPIC, received("x").replace("\"payment\":\"none\"", "\"payment\":\"cash\"")))
                .isEqualTo("field \"payment\": \"cash\" is not one of online, offline, none");
    }

    @Test
    void unknownProvinceIsRejected() {
        assertThat(onlyReason("ioc/v1/99/00004/dossier", received("x"))).isEqualTo("unknown province \"99\"");
    }

    @Test
    void communeOutsideTheProvinceRegistryIsRejected() {
        assertThat(onlyReason("ioc/v1/79/00004/dossier", received("x")))
                .isEqualTo("commune \"00004\" is not in the registry of province 79");
    }

    @Test
    void provinceFieldDifferentFromTopicIsRejected() {
        assertThat(onlyReason(TOPIC, received("x").replace("{\"id\"", "{\"province\":\"79\",\"id\"")))
                .isEqualTo("field \"province\": \"79\" differs from the topic's \"01\"");
    }

    @Test
    void timestampMoreThanTenMinutesAheadIsRejected() {
        String future = received("x").replace("2025-10-15T08:30:00+07:00", "2025-10-15T10:11:00+07:00");
        assertThat(onlyReason(TOPIC, future)).contains("more than 10 minutes in the future");
    }

    @Test
    void timestampTenMinutesAheadIsAccepted() {
        String edge = received("x").replace("2025-10-15T08:30:00+07:00", "2025-10-15T10:10:00+07:00");
        assertThat(parse(TOPIC, edge).rejections()).isEmpty();
    }

    @Test
    void timestampWithoutOffsetIsRejected() {
        assertThat(onlyReason(TOPIC, received("x").replace("2025-10-15T08:30:00+07:00", "2025-10-15T08:30:00")))
                .contains("is not an RFC 3339 timestamp");
    }

    @Test
    void messageAbove256KiBIsRejectedAndItsPayloadTruncated() {
        String huge = "[" + (received("x") + ",").repeat(2000) + received("y") + "]";
        ParsedMessage parsed = parse(TOPIC, huge);
        assertThat(parsed.events()).isEmpty();
        assertThat(parsed.rejections().getFirst().reason()).contains("exceeds the limit of 262144 bytes");
        assertThat(parsed.rejections().getFirst().payload()).hasSize(TelemetryParser.MAX_DEAD_LETTER_PAYLOAD);
    }

    @Test
    void malformedTopicIsRejected() {
        assertThat(onlyReason("ioc/v1/01/dossier", received("x"))).contains("is not ioc/v1/{province}/{commune}/{kind}");
    }

    @Test
    void idLongerThan128CharactersIsRejected() {
        assertThat(onlyReason(TOPIC, received("i".repeat(129)))).isEqualTo("field \"id\": length 129 is outside 1–128");
    }

    @Test
    void aNulCharacterIsRejectedSinceNoTextColumnCanHoldIt() {
        assertThat(onlyReason(TOPIC, received("a\\u0000b")))
                .isEqualTo("field \"id\": contains a NUL character (\\u0000), which cannot be stored");
        assertThat(onlyReason("ioc/v1/01/-/vneid", """
                {"id":"v1","ts":"2025-10-15T08:30:00+07:00","result":"fail","latencyMs":5,"errorCode":"E\\u0000"}"""))
                .isEqualTo("field \"errorCode\": contains a NUL character (\\u0000), which cannot be stored");
    }

    @Test
    void vneidAttemptIsParsed() {
        ParsedMessage parsed = parse("ioc/v1/01/-/vneid", """
                {"id":"v1","ts":"2025-10-15T08:30:00+07:00","result":"timeout","latencyMs":5000,"errorCode":"E42"}""");
        assertThat(parsed.rejections()).isEmpty();
        assertThat(parsed.events().getFirst()).isEqualTo(new VneidEvent("v1", Instant.parse("2025-10-15T01:30:00Z"),
                "01", "-", VneidResult.TIMEOUT, 5000, "E42"));
    }

    @Test
    void probeTargetTypesAreHyphenatedOnTheWire() {
        ParsedMessage parsed = parse("ioc/v1/01/00004/probe", """
                {"id":"p1","ts":"2025-10-15T08:30:00+07:00","target":"dvc-hanoi","targetType":"provincial-system",
                 "method":"http","up":false,"latencyMs":1200}""");
        assertThat(parsed.rejections()).isEmpty();
        ProbeEvent probe = (ProbeEvent) parsed.events().getFirst();
        assertThat(probe.targetType()).isEqualTo(ProbeTargetType.PROVINCIAL_SYSTEM);
        assertThat(probe.up()).isFalse();
        assertThat(probe.signalDbm()).isNull();
    }

    @Test
    void probeWithAnUnknownMethodIsRejected() {
        assertThat(onlyReason("ioc/v1/01/00004/probe", """
                {"id":"p1","ts":"2025-10-15T08:30:00+07:00","target":"t","targetType":"portal","method":"ping",
                 "up":true}""")).isEqualTo("field \"method\": \"ping\" is not one of icmp, tcp, http, dns, modem");
    }

    @Test
    void negativeSyncCountsAreRejected() {
        assertThat(onlyReason("ioc/v1/01/-/sync", """
                {"id":"s1","ts":"2025-10-15T08:30:00+07:00","system":"dvc","pending":-1,"failed":0,"lagSeconds":3}"""))
                .isEqualTo("field \"pending\": -1 is below the minimum 0");
    }

    @Test
    void fractionalLatencyIsAWrongType() {
        assertThat(onlyReason("ioc/v1/01/-/vneid", """
                {"id":"v1","ts":"2025-10-15T08:30:00+07:00","result":"ok","latencyMs":12.5}"""))
                .isEqualTo("field \"latencyMs\": expected an integer, got number");
    }

    @Test
    void heartbeatNeedsItsStatus() {
        assertThat(onlyReason("ioc/v1/01/00004/heartbeat", """
                {"id":"h1","ts":"2025-10-15T08:30:00+07:00","collector":"c-00004","version":"1.0"}"""))
                .isEqualTo("field \"status\" is missing");
    }

    @Test
    void aLastWillIsStampedWithItsArrivalAndAnOnlineHeartbeatKeepsItsTime() {
        // the collector wrote its will when it connected, hours before the broker published it
        ParsedMessage will = parse("ioc/v1/01/00004/heartbeat", """
                {"id":"w1","ts":"2025-10-15T06:00:00+07:00","collector":"c-00004","version":"1.0","status":"offline"}""");
        assertThat(will.rejections()).isEmpty();
        assertThat(will.events().getFirst().ts()).as("when the broker delivered it: the collector went silent")
                .isEqualTo(NOW);
        ParsedMessage online = parse("ioc/v1/01/00004/heartbeat", """
                {"id":"h2","ts":"2025-10-15T06:00:00+07:00","collector":"c-00004","version":"1.0","status":"online"}""");
        assertThat(online.events().getFirst().ts()).isEqualTo(Instant.parse("2025-10-14T23:00:00Z"));
    }

    @Test
    void aHeartbeatMayReportItsQueueDepthAndTheEventsItsCapDropped() {
        HeartbeatEvent beat = (HeartbeatEvent) parse("ioc/v1/01/00004/heartbeat", """
                {"id":"h3","ts":"2025-10-15T08:30:00+07:00","collector":"c-00004","version":"1.0","status":"online",
                 "queueDepth":1200,"dropped":350}""").events().getFirst();
        assertThat(beat.queueDepth()).isEqualTo(1200L);
        assertThat(beat.dropped()).isEqualTo(350L);
        HeartbeatEvent older = (HeartbeatEvent) parse("ioc/v1/01/00004/heartbeat", """
                {"id":"h4","ts":"2025-10-15T08:30:00+07:00","collector":"c-00004","version":"1.0","status":"online"}""")
                .events().getFirst();
        assertThat(older.queueDepth()).as("a heartbeat without them stays valid").isNull();
        assertThat(older.dropped()).isNull();
    }

    @Test
    void aHeartbeatsQueueFiguresMustBeNonNegativeIntegers() {
        String beat = """
                {"id":"h5","ts":"2025-10-15T08:30:00+07:00","collector":"c","version":"1","status":"online",%s}""";
        assertThat(onlyReason("ioc/v1/01/00004/heartbeat", beat.formatted("\"dropped\":\"12\"")))
                .isEqualTo("field \"dropped\": expected an integer, got string");
        assertThat(onlyReason("ioc/v1/01/00004/heartbeat", beat.formatted("\"queueDepth\":1.5")))
                .isEqualTo("field \"queueDepth\": expected an integer, got number");
        assertThat(onlyReason("ioc/v1/01/00004/heartbeat", beat.formatted("\"dropped\":-1")))
                .isEqualTo("field \"dropped\": -1 is below the minimum 0");
    }

    @Test
    void unknownKindIsRejected() {
        assertThat(onlyReason("ioc/v1/01/00004/weather", received("x"))).contains("unknown kind \"weather\"");
    }
}
