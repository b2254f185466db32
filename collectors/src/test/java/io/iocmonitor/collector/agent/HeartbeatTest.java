package io.iocmonitor.collector.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.iocmonitor.collector.queue.DiskQueue;
import io.iocmonitor.collector.queue.QueuedEvent;
import io.iocmonitor.collector.source.Site;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HeartbeatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-10-14T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aHeartbeatIsOnlineAndReportsTheQueueAndWhatTheCapDropped() throws Exception {
        try (DiskQueue queue = DiskQueue.open(dir.resolve("queue"), 64 * 1024)) {
            for (int i = 0; i < 3000; i += 50) {
                queue.append(IntStream.range(i, i + 50)
                        .mapToObj(n -> new QueuedEvent("ioc/v1/01/00004/probe", "{\"id\":\"e" + n + "\"}")).toList());
            }
            Heartbeat heartbeat = new Heartbeat("ba-dinh-1", Duration.ofSeconds(30),
                    Collector.context(new Site("01", "00004"), dir.resolve("queue"), CLOCK), new CollectorMetrics(queue));
            List<QueuedEvent> sent = new ArrayList<>();
            heartbeat.poll(sent::addAll);

            assertThat(sent).hasSize(1);
            assertThat(sent.getFirst().topic()).isEqualTo("ioc/v1/01/00004/heartbeat");
            JsonNode event = JSON.readTree(sent.getFirst().json());
            assertThat(event.get("status").asString()).isEqualTo("online");
            assertThat(event.get("collector").asString()).isEqualTo("ba-dinh-1");
            assertThat(event.get("ts").asString()).isEqualTo("2025-10-14T09:00:00+07:00");
            assertThat(event.get("dropped").asLong()).isEqualTo(queue.dropped()).isPositive();
            assertThat(event.get("queueDepth").asLong()).isEqualTo(queue.depth());

            JsonNode will = JSON.readTree(heartbeat.offlineWill());
            assertThat(will.get("status").asString()).isEqualTo("offline");
            assertThat(will.get("id").asString()).isNotEqualTo(event.get("id").asString());
            assertThat(heartbeat.topic()).isEqualTo("ioc/v1/01/00004/heartbeat");
        }
    }
}
