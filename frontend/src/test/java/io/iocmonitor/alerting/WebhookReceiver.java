package io.iocmonitor.alerting;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP receiver for alert webhooks (the JDK's HttpServer): records every JSON body per path; the first
 * {@code failFirst} requests get HTTP 500, to exercise the notifier's retry.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger toFail;

    public record Received(String path, JsonNode body, long receivedAtMillis) {
    }

    public WebhookReceiver(int failFirst) throws IOException {
        toFail = new AtomicInteger(failFirst);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = 200;
            if (toFail.getAndDecrement() > 0) {
                status = 500;
            } else {
                received.add(new Received(exchange.getRequestURI().getPath(),
                        JSON.readTree(new String(body, StandardCharsets.UTF_8)), System.currentTimeMillis()));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
