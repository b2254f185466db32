package io.iocmonitor.collector.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.collector.config.ConfigNode;

/**
 * An HTTP request as configured for a source: {@code url}, {@code httpMethod} (GET, POST or HEAD), {@code headers},
 * {@code body} and {@code timeout}.
 */
record HttpRequestSpec(URI url, String method, Map<String, String> headers, @Nullable String body, Duration timeout) {

    static final Set<String> FIELDS = Set.of("url", "httpMethod", "headers", "body", "timeout");

    static HttpRequestSpec from(ConfigNode node, Duration defaultTimeout) {
        String url = node.string("url");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw node.error("url", "\"" + url + "\" is not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw node.error("url", "\"" + url + "\" must start with http:// or https://");
        }
        return new HttpRequestSpec(uri, node.choice("httpMethod", List.of("GET", "POST", "HEAD"), "GET"),
                node.stringMap("headers"), node.optionalString("body"), node.duration("timeout", defaultTimeout));
    }

    HttpRequest request() {
        return request(url);
    }

    HttpRequest request(URI target) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(timeout);
        headers.forEach(builder::header);
        String payload = body;
        builder.method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(payload));
        return builder.build();
    }
}
