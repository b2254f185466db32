package io.iocmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The production-like stack in {@code docker/}: the compose file is valid (as rendered by {@code docker-compose
 * config}, which needs no Docker engine) and wires what docker/README.md promises, and the Mosquitto ACL keeps
 * each province's collectors inside their own province. The stack itself is not started: the build machines
 * have no Docker engine.
 */
class DockerComposeConfigTest {

    private static final String INSTALL_HINT = "install Docker Compose to validate docker/compose.yaml: on Debian/Ubuntu "
            + "'apt-get install --no-install-recommends docker-compose' (CI's .ci/run does), or the docker compose plugin";

    private static Path root;

    @BeforeAll
    static void findRepositoryRoot() {
        // surefire runs in frontend/; walk up to the folder that holds docker/compose.yaml
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker/compose.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                root = dir;
                return;
            }
        }
        fail("no docker/compose.yaml above " + Path.of("").toAbsolutePath());
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeFileIsValidAndWiresTheWholeStack() throws Exception {
        String rendered = composeConfig();
        Map<String, Object> config = new Yaml().load(rendered);
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) config.get("services");

        assertThat(services).containsKeys("timescaledb", "mosquitto", "server-1", "server-2", "prometheus", "collector");

        assertThat((String) services.get("timescaledb").get("image")).startsWith("timescale/timescaledb:").endsWith("-pg17");
        assertThat(env(services.get("timescaledb"))).containsEntry("POSTGRES_DB", "ioc");

        assertThat((String) services.get("mosquitto").get("image")).startsWith("eclipse-mosquitto:2");
        assertThat(rendered).contains("/mosquitto/config/mosquitto.conf", "/mosquitto/config/passwd",
                "/mosquitto/config/acl");

        Set<String> clientIds = new TreeSet<>();
        for (String server : List.of("server-1", "server-2")) {
            Map<String, String> env = env(services.get(server));
            assertThat(env).as(server)
                    .containsEntry("IOC_MQTT_SHARED_GROUP", "ioc")
                    .containsEntry("IOC_MQTT_URL", "tcp://mosquitto:1883")
                    .containsEntry("IOC_MQTT_USERNAME", "ioc-server")
                    .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://timescaledb:5432/ioc")
                    .containsKeys("IOC_MQTT_PASSWORD", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
            clientIds.add(env.get("IOC_MQTT_CLIENT_ID"));
            Map<String, Object> build = (Map<String, Object>) services.get(server).get("build");
            assertThat(build.get("dockerfile")).as(server).isEqualTo("docker/Dockerfile");
            assertThat(services.get(server).get("depends_on").toString()).as(server)
                    .contains("timescaledb", "mosquitto", "service_healthy");
        }
        assertThat(clientIds).as("a distinct, stable MQTT client id per server").containsExactly("server-1", "server-2");

        assertThat((String) services.get("prometheus").get("image")).startsWith("prom/prometheus");
        assertThat(rendered).contains("/etc/prometheus/prometheus.yml");
        String prometheus = read("docker/prometheus/prometheus.yml");
        assertThat(prometheus).contains("/actuator/prometheus", "server-1:8080", "server-2:8080");

        assertThat((List<String>) services.get("collector").get("profiles")).containsExactly("collector");

        // the compose file mounts the broker's files where mosquitto.conf expects them
        String mosquittoConf = read("docker/mosquitto/mosquitto.conf");
        assertThat(mosquittoConf.lines().map(String::strip).toList()).contains(
                "listener 1883", "allow_anonymous false", "password_file /mosquitto/config/passwd",
                "acl_file /mosquitto/config/acl", "persistence true", "max_inflight_messages 0",
                "max_queued_messages 0");
    }

    @Test
    void aProvincesCollectorsMayPublishOnlyUnderTheirProvince() throws IOException {
        Acl acl = Acl.parse(read("docker/mosquitto/acl"));

        assertThat(acl.patterns).as("pattern lines apply to every user").isEmpty();
        assertThat(acl.grants).as("no topic is granted to anonymous clients").doesNotContainKey("");

        assertThat(acl.grants.get("collector-01")).containsExactly(new Grant("write", "ioc/v1/01/#"));
        assertThat(acl.mayWrite("collector-01", "ioc/v1/01/01001/dossier")).isTrue();
        assertThat(acl.mayWrite("collector-01", "ioc/v1/01/-/heartbeat")).isTrue();
        assertThat(acl.mayWrite("collector-01", "ioc/v1/79/26734/dossier")).isFalse();
        assertThat(acl.mayWrite("collector-01", "ioc/v1/010/x/dossier")).isFalse();
        assertThat(acl.mayRead("collector-01", "ioc/v1/01/01001/dossier")).isFalse();
        assertThat(acl.mayWrite("collector-79", "ioc/v1/79/26734/dossier")).isTrue();
        assertThat(acl.mayWrite("collector-79", "ioc/v1/01/01001/dossier")).isFalse();

        // every province has its user, confined the same way
        Pattern collector = Pattern.compile("collector-(\\d{2})");
        List<String> collectors = acl.grants.keySet().stream().filter(u -> collector.matcher(u).matches()).toList();
        assertThat(collectors).hasSize(34);
        for (String user : collectors) {
            String code = user.substring("collector-".length());
            assertThat(acl.grants.get(user)).as(user).containsExactly(new Grant("write", "ioc/v1/" + code + "/#"));
        }

        assertThat(acl.mayRead("ioc-server", "ioc/v1/79/26734/dossier")).isTrue();
        assertThat(acl.mayWrite("ioc-server", "ioc/v1/79/26734/dossier")).isFalse();

        // everyone who can sign in is in the ACL (else Mosquitto would let them do nothing, silently)
        List<String> users = read("docker/mosquitto/passwd").lines().filter(l -> !l.isBlank())
                .map(l -> l.substring(0, l.indexOf(':'))).toList();
        assertThat(users).contains("ioc-server", "collector-01", "collector-79");
        assertThat(acl.grants).containsKeys(users.toArray(String[]::new));
    }

    // --- docker-compose ------------------------------------------------------------------------------------------

    /** {@code docker-compose -f docker/compose.yaml config}, or the docker compose plugin; fails if neither exists. */
    private static String composeConfig() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(composeCommand());
        command.addAll(List.of("-f", root.resolve("docker/compose.yaml").toString(), "config"));
        Path stderr = Files.createTempFile("compose-config", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            // render the documented defaults, not whatever the developer's shell exports
            builder.environment().keySet().removeIf(k -> k.startsWith("IOC_") || k.startsWith("COMPOSE_"));
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in 120 s");
            }
            assertThat(process.exitValue())
                    .as("%s failed:%n%s", String.join(" ", command), Files.readString(stderr))
                    .isZero();
            return out;
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private static List<String> composeCommand() throws InterruptedException {
        if (onPath("docker-compose")) {
            return List.of("docker-compose");
        }
        if (onPath("docker")) {
            try {
                Process plugin = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
                plugin.getInputStream().readAllBytes();
                if (plugin.waitFor(30, TimeUnit.SECONDS) && plugin.exitValue() == 0) {
                    return List.of("docker", "compose");
                }
            } catch (IOException ignored) {
                // no usable docker CLI: fall through to the failure below
            }
        }
        return fail("neither docker-compose nor the docker compose plugin is on the PATH: " + INSTALL_HINT);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> env(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (environment instanceof List<?> list) { // KEY=value form
            for (String entry : (List<String>) list) {
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? null : entry.substring(eq + 1));
            }
        }
        return env;
    }

    private static String read(String relative) throws IOException {
        return Files.readString(root.resolve(relative));
    }

    // --- Mosquitto ACL file --------------------------------------------------------------------------------------

    record Grant(String access, String topic) {

        boolean allows(String wanted, String topicName) {
            return (access.equals("readwrite") || access.equals(wanted)) && matches(topic, topicName);
        }
    }

    /** The {@code acl_file} format of mosquitto.conf(5): {@code user}, {@code topic} and {@code pattern} lines. */
    static final class Acl {

        /** user → its topic grants; "" for lines before the first {@code user} line (anonymous clients). */
        final Map<String, List<Grant>> grants = new LinkedHashMap<>();
        final List<String> patterns = new ArrayList<>();

        static Acl parse(String text) {
            Acl acl = new Acl();
            String user = "";
            for (String raw : text.lines().toList()) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.split("\\s+", 2);
                String rest = words.length > 1 ? words[1].strip() : "";
                switch (words[0]) {
                    case "user" -> {
                        user = rest;
                        acl.grants.putIfAbsent(user, new ArrayList<>());
                    }
                    case "topic" -> {
                        String[] parts = rest.split("\\s+", 2);
                        boolean hasAccess = parts.length == 2
                                && Set.of("read", "write", "readwrite", "deny").contains(parts[0]);
                        Grant grant = hasAccess ? new Grant(parts[0], parts[1]) : new Grant("readwrite", rest);
                        acl.grants.computeIfAbsent(user, u -> new ArrayList<>()).add(grant);
                    }
                    case "pattern" -> acl.patterns.add(rest);
                    default -> fail("unknown line in the ACL file: " + raw);
                }
            }
            return acl;
        }

        boolean mayWrite(String user, String topic) {
            return allowed(user, "write", topic);
        }

        boolean mayRead(String user, String topic) {
            return allowed(user, "read", topic);
        }

        private boolean allowed(String user, String access, String topic) {
            List<Grant> mine = grants.getOrDefault(user, List.of());
            boolean denied = mine.stream().anyMatch(g -> g.access().equals("deny") && matches(g.topic(), topic));
            return !denied && mine.stream().anyMatch(g -> g.allows(access, topic));
        }
    }

    /** MQTT topic filter matching: {@code +} one level, {@code #} this level and all below. */
    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
