package io.iocmonitor.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

/**
 * The packaged application ({@code frontend/target/ioc-monitor.jar}) run as a separate process,
 * the way {@code ./ioc demo} runs it: embedded PostgreSQL, embedded MQTT broker and simulator
 * (all defaults), but on free ports. For browser and other black-box tests. Arguments given to
 * {@link #start(String...)} override the defaults, e.g. an external database and broker for the ingest
 * durability tests, which also {@link #kill()} it.
 *
 * <p>System properties (set by the failsafe configuration in {@code frontend/pom.xml}):
 * {@code project.build.directory} (where {@code ioc-monitor.jar} is; default {@code target}),
 * {@code ioc.it.app.jar} (overrides the jar), {@code ioc.it.app.args} (extra application arguments,
 * space separated), {@code ioc.it.startup-timeout-seconds} (default 120).
 */
public final class PackagedApp implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT =
            Duration.ofSeconds(Long.getLong("ioc.it.startup-timeout-seconds", 120));

    private Process process;
    private final ProcessBuilder builder;
    private final Path log;
    private final int port;
    private final Thread shutdownHook = new Thread(this::close, "packaged-app-stop");

    private PackagedApp(Process process, ProcessBuilder builder, Path log, int port) {
        this.process = process;
        this.builder = builder;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar with {@code java} of the running JVM and waits until its health is UP. */
    public static PackagedApp start(String... extraArgs) throws IOException, InterruptedException {
        Path jar = jar();
        int[] ports = freePorts(2);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString(),
                "--server.port=" + ports[0], "--ioc.mqtt.embedded.port=" + ports[1]));
        String more = System.getProperty("ioc.it.app.args", "").strip();
        if (!more.isEmpty()) command.addAll(Arrays.asList(more.split("\\s+")));
        command.addAll(List.of(extraArgs));

        Path log = jar.resolveSibling("it-app-" + ports[0] + ".log");
        // Run from the repository root (<root>/frontend/target/ioc-monitor.jar), like ./ioc demo does.
        Path root = jar.getParent();
        for (int up = 0; up < 2 && root.getParent() != null; up++) {
            root = root.getParent();
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        process.getOutputStream().close();
        PackagedApp app = new PackagedApp(process, builder, log, ports[0]);
        Runtime.getRuntime().addShutdownHook(app.shutdownHook);
        try {
            app.awaitHealthy();
        } catch (RuntimeException | InterruptedException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /**
     * Stops the application gracefully and starts it again with the same arguments and ports (a fresh embedded
     * database and broker, as after a server restart), waiting until it is healthy again.
     */
    public synchronized void restart() throws IOException, InterruptedException {
        close();
        process = builder.start();
        process.getOutputStream().close();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitHealthy();
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port><path>}. */
    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public Path log() {
        return log;
    }

    /** The process id of the application's JVM. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Kills the application's JVM without warning, like a crash or {@code kill -9}: {@link Process#destroyForcibly()}
     * sends SIGKILL on Linux, so no shutdown hook, no graceful stop of the MQTT client or the connection pool runs.
     * Waits until the process is gone. For applications on an external database and broker only: an embedded
     * PostgreSQL would be left behind.
     */
    public synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the application (pid " + process.pid() + ") survived SIGKILL for 30 s");
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the JVM is exiting anyway
        }
    }

    /**
     * Expires the HTTP session with this id in the application's Tomcat, as its session timeout would: through
     * Tomcat's session manager over JMX (the JDK's attach API starts the application's local management agent).
     * Needs the application started with {@code --server.tomcat.mbeanregistry.enabled=true}. Fails if the
     * application has no such session, or still has it afterwards.
     */
    public void expireHttpSession(String sessionId) throws IOException {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(String.valueOf(pid()));
        } catch (AttachNotSupportedException e) {
            throw new IllegalStateException("cannot attach to the application (pid " + pid() + ")", e);
        }
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            Set<ObjectName> managers = server.queryNames(new ObjectName("*:type=Manager,*"), null);
            if (managers.size() != 1) {
                throw new IllegalStateException("expected one Tomcat session manager over JMX, found " + managers
                        + " (is the application started with --server.tomcat.mbeanregistry.enabled=true?)");
            }
            ObjectName manager = managers.iterator().next();
            if (!sessionIds(server, manager).contains(sessionId)) {
                throw new IllegalStateException("the application has no HTTP session " + sessionId);
            }
            server.invoke(manager, "expireSession", new Object[] {sessionId}, new String[] {String.class.getName()});
            if (sessionIds(server, manager).contains(sessionId)) {
                throw new IllegalStateException("the HTTP session " + sessionId + " survived its expiry");
            }
        } catch (JMException e) {
            throw new IllegalStateException("cannot expire the HTTP session " + sessionId + " over JMX", e);
        } finally {
            vm.detach();
        }
    }

    private static List<String> sessionIds(MBeanServerConnection server, ObjectName manager)
            throws JMException, IOException {
        String ids = (String) server.invoke(manager, "listSessionIds", new Object[0], new String[0]);
        return Arrays.asList(ids.split(" "));
    }

    /** Waits until the application's output has a line containing {@code text}, e.g. a subscription in place. */
    public void awaitLog(String text, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!logContains(text)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("No \"" + text + "\" in the output of the application"
                        + (process.isAlive() ? " after " + timeout.toSeconds() + " s" : ", which exited") + ". Last lines of "
                        + log + ":\n" + logTail(60));
            }
            Thread.sleep(200);
        }
    }

    private boolean logContains(String text) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The last {@code lines} lines of the application's output. */
    public String logTail(int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private void awaitHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        String last = "no answer";
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with code " + process.exitValue()
                        + " before it was healthy. Last lines of " + log + ":\n" + logTail(60));
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                String body = response.body();
                last = "HTTP " + response.statusCode() + " " + body.substring(0, Math.min(300, body.length()));
                if (response.statusCode() == 200 && body.replaceAll("\\s", "").contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The application was not UP at " + url("/actuator/health")
                        + " after " + STARTUP_TIMEOUT.toSeconds() + " s (last answer: " + last
                        + "). Last lines of " + log + ":\n" + logTail(60));
            }
            Thread.sleep(1000);
        }
    }

    /** Stops the application gracefully (SIGTERM, so it stops its embedded database), then forcibly. */
    @Override
    public synchronized void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // e.g. an embedded PostgreSQL left behind by a forced stop
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself
        }
    }

    private static Path jar() {
        String explicit = System.getProperty("ioc.it.app.jar");
        Path jar = (explicit != null ? Path.of(explicit)
                : Path.of(System.getProperty("project.build.directory", "target"), "ioc-monitor.jar"))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it first (mvn package, or run the"
                    + " tests with ./ioc test / mvn verify, which package before the integration tests)");
        }
        return jar;
    }

    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }
}
