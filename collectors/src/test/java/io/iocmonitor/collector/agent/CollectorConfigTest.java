package io.iocmonitor.collector.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.iocmonitor.collector.config.ConfigException;
import io.iocmonitor.collector.config.ConfigNode;
import io.iocmonitor.collector.source.Sources;

class CollectorConfigTest {

    private static final String GOOD = """
            site:
              province: "01"
              commune: "00004"
              collector: ba-dinh-office
            broker:
              url: tcp://ioc.example.vn:1883
              username: collector-00004
              password: ${BROKER_PASSWORD}
            queue:
              dir: /var/lib/ioc-collector/queue
              maxBytes: 256MiB
            heartbeat:
              interval: 30s
            metrics:
              port: 9465
            sources:
              - type: probe
                name: portal
                interval: 30s
                method: http
                target: dichvucong.gov.vn
                targetType: portal
                url: https://dichvucong.gov.vn/
            """;

    @TempDir
    Path dir;

    private CollectorConfig read(String yaml) throws IOException {
        Path file = dir.resolve("collector.yaml");
        Files.writeString(file, yaml);
        return CollectorConfig.from(ConfigNode.read(file,
                name -> name.equals("BROKER_PASSWORD") ? "s3cret" : name.startsWith("TEST_") ? "x" : null));
    }

    private void assertRejected(String yaml, String... parts) {
        assertThatThrownBy(() -> {
            CollectorConfig config = read(yaml);
            Sources.from(config.sources(), Collector.context(config.site(), dir.resolve("q"), Clock.systemUTC()));
        }).isInstanceOf(ConfigException.class).hasMessageStartingWith(dir.resolve("collector.yaml").toString())
                .hasMessageContainingAll(parts);
    }

    @Test
    void aGoodFileGivesEverySetting() throws IOException {
        CollectorConfig config = read(GOOD);
        assertThat(config.site().province()).isEqualTo("01");
        assertThat(config.site().commune()).isEqualTo("00004");
        assertThat(config.collector()).isEqualTo("ba-dinh-office");
        assertThat(config.broker().url()).isEqualTo("tcp://ioc.example.vn:1883");
        assertThat(config.broker().password()).as("from the environment").isEqualTo("s3cret");
        assertThat(config.broker().clientId()).isEqualTo("ioc-collector-ba-dinh-office");
        assertThat(config.queueDir()).isEqualTo(Path.of("/var/lib/ioc-collector/queue"));
        assertThat(config.queueMaxBytes()).isEqualTo(256L << 20);
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.metricsPort()).isEqualTo(9465);
        assertThat(config.sources()).hasSize(1);
    }

    @Test
    void anUnquotedProvinceCodeIsNamed() {
        assertRejected(GOOD.replace("province: \"01\"", "province: 01"), "site.province", "\"1\"",
                "two-digit");
    }

    @Test
    void aMissingSectionIsNamed() {
        assertRejected(GOOD.replace("queue:\n  dir: /var/lib/ioc-collector/queue\n", "queue:\n"), "queue",
                "required");
        assertRejected(GOOD.replace("  dir: /var/lib/ioc-collector/queue\n", ""), "queue.dir", "required");
    }

    @Test
    void aTypoInAFieldNameIsNamed() {
        assertRejected(GOOD.replace("maxBytes:", "maxbytes:"), "queue.maxbytes", "unknown field");
        assertRejected(GOOD.replace("    targetType: portal", "    targetTyp: portal"), "sources[0].targetTyp",
                "unknown field");
    }

    @Test
    void badValuesAreNamedWithTheField() {
        assertRejected(GOOD.replace("interval: 30s\n    method", "interval: 30 seconds\n    method"),
                "sources[0].interval", "\"30 seconds\" is not a duration");
        assertRejected(GOOD.replace("maxBytes: 256MiB", "maxBytes: lots"), "queue.maxBytes", "not a size");
        assertRejected(GOOD.replace("targetType: portal", "targetType: website"), "sources[0].targetType",
                "\"website\" is not one of");
        assertRejected(GOOD.replace("type: probe", "type: snmp"), "sources[0].type", "\"snmp\" is not one of");
        assertRejected(GOOD.replace("tcp://ioc", "mqtt://ioc"), "broker.url", "not a broker URL");
        assertRejected(GOOD.replace("method: http", "method: tcp").replace("    url: https://dichvucong.gov.vn/\n",
                "    host: dichvucong.gov.vn\n"), "sources[0].port", "TCP port");
    }

    @Test
    void aMissingEnvironmentVariableIsNamed() {
        assertRejected(GOOD.replace("${BROKER_PASSWORD}", "${NOT_SET_ANYWHERE}"), "broker.password",
                "NOT_SET_ANYWHERE", "not set");
    }

    @Test
    void twoSourcesWithOneNameAreRejected() {
        String twice = GOOD + GOOD.substring(GOOD.indexOf("  - type: probe"));
        assertRejected(twice, "sources[1].name", "\"portal\" is used by another source");
    }

    @Test
    void yamlThatDoesNotParseIsNamed() {
        assertRejected("site: [\n", "not valid YAML");
    }

    @Test
    void theDockerImagesConfigurationReadsWithItsEnvironment() {
        CollectorConfig config = CollectorConfig.from(ConfigNode.read(Path.of("../docker/collector/collector.yaml"),
                Map.of("IOC_COLLECTOR_PROVINCE", "01", "IOC_MQTT_URL", "tcp://mosquitto:1883", "IOC_MQTT_CLIENT_ID",
                        "collector-01-a", "IOC_MQTT_USERNAME", "collector-01", "IOC_MQTT_PASSWORD", "x")::get));
        assertThat(config.site().province()).isEqualTo("01");
        assertThat(Sources.from(config.sources(),
                Collector.context(config.site(), dir.resolve("q"), Clock.systemUTC()))).hasSize(2);
    }

    /** Every source example of collectors/README.md is a valid source, so the documentation cannot drift. */
    @Test
    void theReadmesSourceExamplesAreValid() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```yaml\n(  - type:.*?)```",
                java.util.regex.Pattern.DOTALL).matcher(readme);
        int examples = 0;
        while (block.find()) {
            String yaml = GOOD.substring(0, GOOD.indexOf("sources:")) + "sources:\n" + block.group(1);
            CollectorConfig config = read(yaml.replace("${", "${TEST_"));
            examples += Sources.from(config.sources(),
                    Collector.context(config.site(), dir.resolve("q"), Clock.systemUTC())).size();
        }
        assertThat(examples).as("source examples in collectors/README.md").isGreaterThanOrEqualTo(10);
    }
}
