package io.iocmonitor.collector.source;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.iocmonitor.collector.queue.QueuedEvent;
import tools.jackson.databind.JsonNode;

/**
 * The administrative-procedure system adapter: pages through the system's HTTP JSON API with a cursor and turns its
 * records into {@code dossier} events.
 *
 * <p>Each request carries the cursor in {@code cursor.param} (a since-id or a since-time, as the API takes it) and
 * the page size in {@code pageSizeParam}; records come in cursor order, and the last record's {@code cursor.field}
 * is the next cursor. The cursor is saved to disk only after the page's events are in the disk queue, so a crash
 * anywhere repeats at most one page (same event ids: counted once) and never skips one. Paging goes on while pages
 * are full, up to {@code maxPages} per poll.
 */
final class DossierApiSource extends PeriodicSource {

    private static final Logger log = LoggerFactory.getLogger(DossierApiSource.class);

    /**
     * The API's shape.
     *
     * @param recordsPath dotted path of the record array in an answer; empty when the answer is the array
     */
    record Api(HttpRequestSpec request, String cursorParam, String cursorField, String startCursor,
            String pageSizeParam, int pageSize, int maxPages, String recordsPath) {
    }

    private final Api api;
    private final DossierMapping mapping;
    private final CursorStore cursor;
    private final SourceContext context;

    DossierApiSource(String name, Duration interval, Api api, DossierMapping mapping, CursorStore cursor,
            SourceContext context) {
        super(name, interval);
        this.api = api;
        this.mapping = mapping;
        this.cursor = cursor;
        this.context = context;
    }

    @Override
    public void poll(EventSink sink) throws IOException, InterruptedException {
        String saved = cursor.load();
        String position = saved == null ? api.startCursor() : saved;
        for (int page = 0; page < api.maxPages(); page++) {
            JsonNode records = fetch(position);
            if (records.isEmpty()) {
                return;
            }
            List<QueuedEvent> events = new ArrayList<>();
            for (JsonNode record : records) {
                DossierMapping.Mapped mapped = mapping.map(record);
                if (mapped != null) {
                    events.add(new QueuedEvent(context.site().topic(mapped.commune(), "dossier"),
                            context.json().writeValueAsString(mapped.event())));
                }
            }
            sink.append(events);
            JsonNode last = records.get(records.size() - 1);
            if (!JsonFields.present(last, api.cursorField())) {
                throw new IOException(name() + ": the last record of the page after cursor \"" + position
                        + "\" has no cursor field \"" + api.cursorField() + "\": " + last);
            }
            JsonNode next = JsonFields.at(last, api.cursorField());
            String nextPosition = next.isValueNode() ? next.asString() : next.toString();
            cursor.save(nextPosition);
            if (nextPosition.equals(position)) {
                log.warn("{}: a full page of records shares the cursor value \"{}\"; raise pageSize", name(),
                        position);
                return;
            }
            position = nextPosition;
            if (records.size() < api.pageSize()) {
                return;
            }
        }
    }

    private JsonNode fetch(String position) throws IOException, InterruptedException {
        URI uri = withQuery(api.request().url(), api.cursorParam() + "=" + encode(position) + "&"
                + api.pageSizeParam() + "=" + api.pageSize());
        HttpResponse<String> response = context.http().send(api.request().request(uri),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(name() + ": GET " + uri + " answered HTTP " + response.statusCode());
        }
        JsonNode records = JsonFields.at(context.json().readTree(response.body()), api.recordsPath());
        if (!records.isArray()) {
            throw new IOException(name() + ": the answer of " + uri + " has no record array at \""
                    + api.recordsPath() + "\"");
        }
        return records;
    }

    private static URI withQuery(URI base, String query) {
        String text = base.toString();
        return URI.create(text + (base.getRawQuery() == null ? "?" : "&") + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
