package io.iocmonitor.alerting;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP receiver for alert webhooks (the JDK's HttpServer): records every JSON body per path; the first
 * {@code failFirst} requests get HTTP 500, to exercise the notifier's retry. A path can be made slow ({@link #hold}):
 * its requests are answered only after a while, as a hung receiver would; each request has a thread of its own, so a
 * held one does not hold the others.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> arrived = new CopyOnWriteArrayList<>();
    private final Map<String, Duration> holds = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger toFail;

    public record Received(String path, JsonNode body, long receivedAtMillis) {
    }

    public WebhookReceiver(int failFirst) throws IOException {
        toFail = new AtomicInteger(failFirst);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            arrived.add(path);
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                if (closing.await(holds.getOrDefault(path, Duration.ZERO).toMillis(), TimeUnit.MILLISECONDS)) {
                    exchange.close();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
            int status = 200;
            if (toFail.getAndDecrement() > 0) {
                status = 500;
            } else {
                received.add(new Received(path, JSON.readTree(new String(body, StandardCharsets.UTF_8)),
                        System.currentTimeMillis()));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Answers requests on {@code path} only after {@code time}: longer than the sender waits is a hung receiver. */
    public WebhookReceiver hold(String path, Duration time) {
        holds.put(path, time);
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Requests answered with 2xx on {@code path}. */
    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Requests that reached {@code path}, answered or not yet. */
    public long arrivals(String path) {
        return arrived.stream().filter(path::equals).count();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.close();
    }
}
