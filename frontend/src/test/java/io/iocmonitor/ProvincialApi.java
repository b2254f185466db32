package io.iocmonitor;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a provincial administrative-procedure system that a collector's {@code dossier-api} source pages
 * through: {@code GET /api/dossiers?sinceId=<seq>&limit=<n>} answers {@code {"items": [...]}} with the records after
 * the {@code seq}-th, at most {@code n} (a record's {@code seq} is its place in the list, from 1).
 */
final class ProvincialApi implements AutoCloseable {

    private final HttpServer server;
    private final List<String> records = new ArrayList<>();

    private ProvincialApi(HttpServer server) {
        this.server = server;
    }

    static ProvincialApi start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ProvincialApi api = new ProvincialApi(server);
        server.createContext("/api/dossiers", api::answer);
        server.start();
        return api;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/dossiers";
    }

    /** Makes a record (a JSON object) visible to the collector. */
    void add(String record) {
        synchronized (records) {
            records.add(record);
        }
    }

    /** The {@code seq} the next record gets. */
    int nextSeq() {
        synchronized (records) {
            return records.size() + 1;
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        int since = Integer.parseInt(query.get("sinceId"));
        int limit = Integer.parseInt(query.get("limit"));
        String page;
        synchronized (records) {
            page = String.join(",", records.subList(Math.min(since, records.size()),
                    Math.min(since + limit, records.size())));
        }
        byte[] body = ("{\"items\":[" + page + "]}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
