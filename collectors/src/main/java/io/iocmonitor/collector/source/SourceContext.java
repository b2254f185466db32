package io.iocmonitor.collector.source;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.iocmonitor.collector.queue.QueuedEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every source shares: the site, the clock, a folder for state that must outlive a restart (cursors), an HTTP
 * client, and how an event starts (a unique id and a timestamp).
 */
public record SourceContext(Site site, Clock clock, Path stateDir, JsonMapper json, HttpClient http) {

    /** Timestamps are written in Vietnam's time (UTC+07:00), as the people reading raw events expect. */
    public static final ZoneId ICT = ZoneId.of("Asia/Ho_Chi_Minh");

    public static SourceContext of(Site site, Clock clock, Path stateDir) {
        return new SourceContext(site, clock, stateDir, JsonMapper.builder().build(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NORMAL).build());
    }

    /** A new event with a random id and the timestamp {@code ts}. */
    public ObjectNode newEvent(Instant ts) {
        return newEvent(UUID.randomUUID().toString(), ts);
    }

    public ObjectNode newEvent(String id, Instant ts) {
        ObjectNode node = json.createObjectNode();
        node.put("id", id);
        node.put("ts", rfc3339(ts));
        return node;
    }

    /** The event as the queue keeps it, on this site's topic of {@code kind}. */
    public QueuedEvent queued(String kind, ObjectNode event) {
        return new QueuedEvent(site.topic(kind), json.writeValueAsString(event));
    }

    public static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.MILLIS).atZone(ICT));
    }
}
