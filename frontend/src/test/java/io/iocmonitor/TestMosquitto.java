package io.iocmonitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Mosquitto broker owned by one test: its own process on a free port of 127.0.0.1, with a configuration written
 * to a temporary folder, stopped when the test ends. The machine's broker and its configuration are left alone.
 *
 * <p>Why not the machine's Mosquitto on 1883: Mosquitto's defaults ({@code /etc/mosquitto/mosquitto.conf} sets
 * none of these) keep at most {@code max_queued_messages} = 1000 QoS 1 messages per client beyond those in flight
 * and <em>silently drop</em> the rest. A test whose server is down (or merely slower than the publisher) for more
 * than 1000 messages would then lose messages in the broker, not in the server, and fail for a reason outside the
 * product. This broker queues without limit ({@code max_queued_messages 0}, {@code max_queued_bytes 0}), lets the
 * subscriber's MQTT 5 receive maximum alone bound the messages in flight ({@code max_inflight_messages 0}), and
 * keeps sessions in memory only ({@code persistence false}: except for {@link #startPersistent}, the broker is never
 * restarted by the tests).
 */
public final class TestMosquitto implements AutoCloseable {

    private static final List<String> CANDIDATES = List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto",
            "/usr/local/sbin/mosquitto", "/usr/local/bin/mosquitto", "/opt/homebrew/sbin/mosquitto");

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread shutdownHook = new Thread(this::close, "test-mosquitto-stop");

    private TestMosquitto(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The broker binary, or an explanation of how to get one. */
    public static Path binary() {
        Stream<String> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isBlank()).map(dir -> dir + "/mosquitto");
        return Stream.concat(CANDIDATES.stream(), onPath)
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("This test starts its own Mosquitto broker, but no"
                        + " mosquitto binary was found (looked at " + CANDIDATES + " and the PATH). Install it,"
                        + " e.g. 'apt-get install mosquitto' (CI's .ci/run uses Debian's)."));
    }

    /**
     * Starts a broker with its configuration and log in {@code dir} and waits until it listens.
     *
     * @param extraConfig more {@code mosquitto.conf} lines, e.g. {@code set_tcp_nodelay true}
     */
    public static TestMosquitto start(Path dir, String... extraConfig) throws IOException, InterruptedException {
        return start(dir, TestServices.freePort(), false, extraConfig);
    }

    /**
     * Starts a broker that keeps its sessions and queued messages in {@code dir} across a stop ({@link #close()},
     * SIGTERM: Mosquitto saves them) and a start again on the same {@code port}: a broker restarted in the middle of
     * a test, as a production broker with persistence is.
     */
    public static TestMosquitto startPersistent(Path dir, int port) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        // Mosquitto started as root drops to the user "mosquitto", which must be able to write its database here.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        return start(dir, port, true);
    }

    private static TestMosquitto start(Path dir, int port, boolean persistent, String... extraConfig)
            throws IOException, InterruptedException {
        Path binary = binary();
        Files.createDirectories(dir);
        Path conf = dir.resolve("mosquitto-" + port + ".conf");
        Path log = dir.resolve("mosquitto-" + port + ".log");
        Files.writeString(conf, String.join("\n",
                "# written by " + TestMosquitto.class.getName(),
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                persistent ? "persistence true\npersistence_location " + dir.toAbsolutePath() + "/"
                        : "persistence false",
                "max_queued_messages 0",
                "max_queued_bytes 0",
                "max_inflight_messages 0",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type information",
                "connection_messages true",
                String.join("\n", extraConfig),
                ""), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(binary.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        process.getOutputStream().close();
        TestMosquitto broker = new TestMosquitto(process, port, log);
        Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
        Instant deadline = Instant.now().plusSeconds(15);
        while (!TestServices.isListening(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                broker.close();
                throw new IllegalStateException("Mosquitto (" + binary + " -c " + conf + ") did not listen on port "
                        + port + (process.isAlive() ? "" : ", exit code " + process.exitValue()) + ". Its output:\n"
                        + broker.logText());
            }
            Thread.sleep(100);
        }
        return broker;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public synchronized void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself
        }
    }
}
