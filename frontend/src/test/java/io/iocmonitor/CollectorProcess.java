package io.iocmonitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector agent's runnable jar ({@code collectors/target/ioc-collector.jar}, built by the reactor before this
 * module's integration tests) run as a separate JVM, the way a province runs it, so that a test can kill it with
 * SIGKILL.
 */
final class CollectorProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int metricsPort;
    private final Thread shutdownHook = new Thread(this::close, "collector-process-stop");

    private CollectorProcess(Process process, Path log, int metricsPort) {
        this.process = process;
        this.log = log;
        this.metricsPort = metricsPort;
    }

    static Path jar() {
        Path target = Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath();
        Path jar = target.getParent().getParent().resolve("collectors/target/ioc-collector.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the reactor (mvn verify from the repository root"
                    + " packages the collectors module first)");
        }
        return jar;
    }

    /** Starts the agent on {@code config}, its metrics on {@code metricsPort}, and waits until they answer. */
    static CollectorProcess start(Path config, int metricsPort, Path log) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-jar", jar().toString(), config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        process.getOutputStream().close();
        CollectorProcess collector = new CollectorProcess(process, log, metricsPort);
        Runtime.getRuntime().addShutdownHook(collector.shutdownHook);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (collector.metricsText() == null) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                collector.close();
                throw new IllegalStateException("the collector did not serve its metrics; its log " + log + ":\n"
                        + Files.readString(log));
            }
            Thread.sleep(200);
        }
        return collector;
    }

    /** A sample of the collector's {@code /metrics}, e.g. {@code ioc_collector_queue_events}. */
    long metric(String name) throws IOException, InterruptedException {
        String text = metricsText();
        if (text == null) {
            throw new IOException("the collector's metrics do not answer");
        }
        Matcher m = Pattern.compile("^" + name + " (\\d+)$", Pattern.MULTILINE).matcher(text);
        if (!m.find()) {
            throw new IOException("no metric " + name + " in:\n" + text);
        }
        return Long.parseLong(m.group(1));
    }

    private String metricsText() throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        }
    }

    String logText() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye to the broker. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the collector (pid " + process.pid() + ") survived SIGKILL for 30 s");
        }
        removeHook();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        removeHook();
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the JVM is exiting anyway
        }
    }
}
