package io.iocmonitor.collector.source;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.iocmonitor.collector.queue.QueuedEvent;
import tools.jackson.databind.JsonNode;

/**
 * The administrative-procedure system adapter: pages through the system's HTTP JSON API with a cursor and turns its
 * records into {@code dossier} events.
 *
 * <p>Each request carries the cursor in {@code cursor.param} (a since-id or a since-time, as the API takes it) and
 * the page size in {@code pageSizeParam}; records come in cursor order, and the last record's {@code cursor.field}
 * is the next cursor. Several records may share a cursor value (a since-time): the cursor is then that position plus
 * how many records of its answer were read already, and the next request asks for that many more (see
 * {@link #next}), so that a run of equal values longer than a page is neither skipped nor read again. The cursor is
 * saved to disk only after the page's events are in the disk queue, so a crash anywhere repeats at most one page
 * (same event ids: counted once) and never skips one. Paging goes on while pages are full, up to {@code maxPages}
 * per poll.
 */
final class DossierApiSource extends PeriodicSource {

    /**
     * The API's shape.
     *
     * @param recordsPath dotted path of the record array in an answer; empty when the answer is the array
     */
    record Api(HttpRequestSpec request, String cursorParam, String cursorField, String startCursor,
            boolean inclusive, String pageSizeParam, int pageSize, int maxPages, String recordsPath) {
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
        CursorStore.Position saved = cursor.load();
        CursorStore.Position position = saved == null ? new CursorStore.Position(api.startCursor(), 0) : saved;
        for (int page = 0; page < api.maxPages(); page++) {
            int limit = position.skip() + api.pageSize();
            JsonNode answer = fetch(position.value(), limit);
            if (answer.isEmpty()) {
                return;
            }
            List<QueuedEvent> events = new ArrayList<>();
            for (int i = position.skip(); i < answer.size(); i++) {
                DossierMapping.Mapped mapped = mapping.map(answer.get(i));
                if (mapped != null) {
                    events.add(new QueuedEvent(context.site().topic(mapped.commune(), "dossier"),
                            context.json().writeValueAsString(mapped.event())));
                }
            }
            sink.append(events);
            // also when the answer held nothing new: the records read to the end settle the cursor on the last value
            CursorStore.Position next = next(position, answer, limit);
            if (!next.equals(position)) {
                cursor.save(next);
            }
            if (answer.size() < limit) {
                return;
            }
            position = next;
        }
    }

    /**
     * Where the request after {@code answer} starts. Records sharing the last record's cursor value (a since-time:
     * a bulk update stamps thousands with one second) may go on past the page, so the next request must not start
     * after that value but at it, skipping the ones read: it asks from the value itself if the API answers records
     * at or after it ({@code inclusive}), else from the value just before the run; an answer shorter than asked is
     * complete, so an exclusive API then simply goes on after the last value.
     */
    private CursorStore.Position next(CursorStore.Position position, JsonNode answer, int limit) throws IOException {
        int size = answer.size();
        String last = cursorValue(answer.get(size - 1), position);
        int runStart = size - 1;
        while (runStart > 0 && cursorValue(answer.get(runStart - 1), position).equals(last)) {
            runStart--;
        }
        if (api.inclusive()) {
            return new CursorStore.Position(last, size - runStart);
        }
        if (size < limit) {
            return new CursorStore.Position(last, 0);
        }
        return runStart == 0 ? new CursorStore.Position(position.value(), size)
                : new CursorStore.Position(cursorValue(answer.get(runStart - 1), position), size - runStart);
    }

    private String cursorValue(JsonNode record, CursorStore.Position position) throws IOException {
        if (!JsonFields.present(record, api.cursorField())) {
            throw new IOException(name() + ": a record of the page after cursor \"" + position.value()
                    + "\" has no cursor field \"" + api.cursorField() + "\": " + record);
        }
        JsonNode value = JsonFields.at(record, api.cursorField());
        return value.isValueNode() ? value.asString() : value.toString();
    }

    private JsonNode fetch(String position, int limit) throws IOException, InterruptedException {
        URI uri = withQuery(api.request().url(), api.cursorParam() + "=" + encode(position) + "&"
                + api.pageSizeParam() + "=" + limit);
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
