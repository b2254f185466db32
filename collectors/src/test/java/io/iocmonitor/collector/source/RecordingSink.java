package io.iocmonitor.collector.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.iocmonitor.collector.queue.QueuedEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A sink that keeps what sources append, for tests; it can be told to fail after some appends. */
final class RecordingSink implements EventSink {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<QueuedEvent> events = new ArrayList<>();
    int appendsBeforeFailure = Integer.MAX_VALUE;

    @Override
    public void append(List<QueuedEvent> batch) throws IOException {
        if (appendsBeforeFailure-- <= 0) {
            throw new IOException("disk full (test)");
        }
        events.addAll(batch);
    }

    List<JsonNode> bodies() {
        return events.stream().map(e -> JSON.readTree(e.json())).toList();
    }

    JsonNode last() {
        return bodies().getLast();
    }
}
