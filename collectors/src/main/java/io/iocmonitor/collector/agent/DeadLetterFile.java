package io.iocmonitor.collector.agent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;

import io.iocmonitor.collector.source.SourceContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events the broker refused for good, kept beside the disk queue ({@code <queue.dir>/dead-letters.jsonl}) so that
 * they leave the queue without being lost: one JSON line per event, {@code {"at", "reasonCode", "reason", "topic",
 * "event"}}, the event exactly as it was queued. Appended and fsynced before the queue lets the events go.
 */
final class DeadLetterFile {

    static final String NAME = "dead-letters.jsonl";

    /** Events of one topic that the broker refused, with its MQTT 5 reason code. */
    record Rejected(String topic, List<String> events, int reasonCode, String reason) {
    }

    private final Path file;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    DeadLetterFile(Path queueDir, Clock clock) {
        this.file = queueDir.resolve(NAME);
        this.clock = clock;
    }

    Path path() {
        return file;
    }

    void append(List<Rejected> rejected) throws IOException {
        if (rejected.isEmpty()) {
            return;
        }
        String at = json.writeValueAsString(SourceContext.rfc3339(clock.instant()));
        StringBuilder lines = new StringBuilder();
        for (Rejected batch : rejected) {
            String common = "{\"at\":" + at + ",\"reasonCode\":" + batch.reasonCode() + ",\"reason\":"
                    + json.writeValueAsString(batch.reason()) + ",\"topic\":" + json.writeValueAsString(batch.topic())
                    + ",\"event\":";
            for (String event : batch.events()) {
                lines.append(common).append(event).append("}\n");
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }
}
