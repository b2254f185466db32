package io.iocmonitor.collector.source;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.collector.config.ConfigNode;

/**
 * One synthetic HTTP(S) check: the request, the status it must answer and optionally a keyword its body must
 * contain. Shared by the VNeID login probe and the HTTP network probe.
 */
final class HttpCheck {

    static final Set<String> FIELDS = Set.of("expectStatus", "keyword");

    /**
     * What a check found.
     *
     * @param errorCode why it failed ({@code HTTP_503}, {@code KEYWORD_MISSING}, {@code TIMEOUT}, {@code CONNECT});
     *                  null when it passed
     */
    record Outcome(boolean ok, boolean timedOut, long latencyMs, @Nullable String errorCode) {
    }

    private final HttpRequestSpec request;
    private final int expectStatus;
    private final @Nullable String keyword;

    HttpCheck(HttpRequestSpec request, int expectStatus, @Nullable String keyword) {
        this.request = request;
        this.expectStatus = expectStatus;
        this.keyword = keyword;
    }

    static HttpCheck from(ConfigNode node, java.time.Duration defaultTimeout) {
        return new HttpCheck(HttpRequestSpec.from(node, defaultTimeout), node.integer("expectStatus", 200),
                node.optionalString("keyword"));
    }

    Outcome run(HttpClient http) throws InterruptedException {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.request(), HttpResponse.BodyHandlers.ofString());
            long latency = (System.nanoTime() - start) / 1_000_000;
            if (response.statusCode() != expectStatus) {
                return new Outcome(false, false, latency, "HTTP_" + response.statusCode());
            }
            String word = keyword;
            if (word != null && !response.body().contains(word)) {
                return new Outcome(false, false, latency, "KEYWORD_MISSING");
            }
            return new Outcome(true, false, latency, null);
        } catch (HttpTimeoutException e) {
            return new Outcome(false, true, (System.nanoTime() - start) / 1_000_000, "TIMEOUT");
        } catch (IOException e) {
            return new Outcome(false, false, (System.nanoTime() - start) / 1_000_000, "CONNECT");
        }
    }
}
