package io.iocmonitor.collector.source;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the synchronisation state from an HTTP endpoint answering JSON; {@code fields} names where
 * {@code pending}, {@code failed} and {@code lagSeconds} are in it (dotted paths).
 */
record HttpSyncReader(HttpRequestSpec request, Map<String, String> fields, HttpClient http, JsonMapper json)
        implements SyncReader {

    @Override
    public SyncReading read() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.request(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.url() + " answered HTTP " + response.statusCode());
        }
        JsonNode body = json.readTree(response.body());
        return new SyncReading(number(body, "pending"), number(body, "failed"), number(body, "lagSeconds"));
    }

    private long number(JsonNode body, String field) throws IOException {
        String path = fields.getOrDefault(field, field);
        JsonNode value = JsonFields.at(body, path);
        if (!value.isNumber() && !(value.isString() && value.asString().strip().matches("\\d+"))) {
            throw new IOException(request.url() + ": the answer has no number at \"" + path + "\" (for " + field
                    + ")");
        }
        return value.isNumber() ? value.asLong() : Long.parseLong(value.asString().strip());
    }
}
