package io.iocmonitor.collector.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskQueueTest {

    @TempDir
    Path dir;

    private static List<QueuedEvent> events(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> new QueuedEvent("ioc/v1/01/00001/probe", "{\"id\":\"e" + i + "\"}"))
                .toList();
    }

    private static List<String> jsons(List<QueueEntry> entries) {
        return entries.stream().map(e -> e.event().json()).toList();
    }

    @Test
    void eventsComeOutInOrderAndStayUntilAcknowledged() throws IOException {
        try (DiskQueue queue = DiskQueue.open(dir, 1 << 20)) {
            queue.append(events(0, 5));
            List<QueueEntry> first = queue.peek(3, Long.MAX_VALUE);
            assertThat(jsons(first)).containsExactly("{\"id\":\"e0\"}", "{\"id\":\"e1\"}", "{\"id\":\"e2\"}");
            assertThat(jsons(queue.peek(3, Long.MAX_VALUE))).as("peeking again without acknowledging").isEqualTo(
                    jsons(first));
            queue.acknowledge(first.getLast());
            assertThat(queue.depth()).isEqualTo(2);
            assertThat(jsons(queue.peek(10, Long.MAX_VALUE))).containsExactly("{\"id\":\"e3\"}", "{\"id\":\"e4\"}");
            assertThat(queue.peek(10, Long.MAX_VALUE).getFirst().event().topic()).isEqualTo("ioc/v1/01/00001/probe");
        }
    }

    @Test
    void aReopenedQueueHoldsWhatWasNotAcknowledged() throws IOException {
        try (DiskQueue queue = DiskQueue.open(dir, 1 << 20)) {
            queue.append(events(0, 10));
            queue.acknowledge(queue.peek(4, Long.MAX_VALUE).getLast());
        }
        try (DiskQueue queue = DiskQueue.open(dir, 1 << 20)) {
            assertThat(queue.depth()).isEqualTo(6);
            assertThat(queue.peek(1, Long.MAX_VALUE).getFirst().event().json()).isEqualTo("{\"id\":\"e4\"}");
            queue.append(events(10, 12));
            assertThat(jsons(queue.peek(100, Long.MAX_VALUE))).hasSize(8).last().isEqualTo("{\"id\":\"e11\"}");
            assertThat(queue.peek(100, Long.MAX_VALUE).getLast().seq()).as("sequence numbers go on").isEqualTo(11);
        }
    }

    @Test
    void aGarbledHeadFileResendsFromTheOldestEventInsteadOfRefusingToStart() throws IOException {
        try (DiskQueue queue = DiskQueue.open(dir, 1 << 20)) {
            queue.append(events(0, 5));
            queue.acknowledge(queue.peek(2, Long.MAX_VALUE).getLast());
        }
        // what a power cut can leave of a file whose rename reached the disk before its content
        Files.writeString(dir.resolve("head"), "");
        try (DiskQueue queue = DiskQueue.open(dir, 1 << 20)) {
            assertThat(queue.depth()).as("all five again: duplicates, which the server ignores, never losses")
                    .isEqualTo(5);
            assertThat(queue.peek(1, Long.MAX_VALUE).getFirst().event().json()).isEqualTo("{\"id\":\"e0\"}");
        }
    }

    @Test
    void aRecordTornByACrashIsCutOffAndTheRestKept() throws IOException {
        try (DiskQueue queue = DiskQueue.open(dir, 1 << 20)) {
            queue.append(events(0, 3));
        }
        Path segment = segments().getFirst();
        // half a record at the end, as a kill -9 in the middle of a write leaves it
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 40, 1, 2, 3, 4, '{', '"'}));
        }
        try (DiskQueue queue = DiskQueue.open(dir, 1 << 20)) {
            assertThat(queue.depth()).isEqualTo(3);
            queue.append(events(3, 4));
            assertThat(jsons(queue.peek(10, Long.MAX_VALUE))).containsExactly("{\"id\":\"e0\"}", "{\"id\":\"e1\"}",
                    "{\"id\":\"e2\"}", "{\"id\":\"e3\"}");
        }
    }

    @Test
    void atTheCapTheOldestEventsAreDroppedAndCounted() throws IOException {
        long cap = 64 * 1024; // segments of 4 KiB
        try (DiskQueue queue = DiskQueue.open(dir, cap)) {
            int appended = 0;
            while (appended < 5000) {
                queue.append(events(appended, appended + 50));
                appended += 50;
            }
            assertThat(queue.bytes()).isLessThanOrEqualTo(cap);
            assertThat(queue.dropped()).isPositive();
            assertThat(queue.depth() + queue.dropped()).as("every event is either queued or counted as dropped")
                    .isEqualTo(appended);
            List<QueueEntry> left = queue.peek(Integer.MAX_VALUE, Long.MAX_VALUE);
            assertThat(left.getLast().event().json()).as("the newest are kept").isEqualTo("{\"id\":\"e4999\"}");
            assertThat(left.getFirst().seq()).as("the oldest went first").isEqualTo(queue.dropped());
        }
    }

    @Test
    void theDroppedCountSurvivesARestartAndLaterDropsAddToIt() throws IOException {
        long cap = 64 * 1024;
        long before;
        try (DiskQueue queue = DiskQueue.open(dir, cap)) {
            fill(queue, 0, 3000);
            before = queue.dropped();
            assertThat(before).isPositive();
        }
        try (DiskQueue queue = DiskQueue.open(dir, cap)) {
            assertThat(queue.dropped()).as("the same count after a restart").isEqualTo(before);
            long depth = queue.depth();
            fill(queue, 3000, 6000);
            assertThat(queue.dropped()).as("later drops add to it").isGreaterThan(before);
            assertThat(queue.depth() + queue.dropped()).as("every event of both runs is queued or counted")
                    .isEqualTo(depth + before + 3000);
        }
        try (DiskQueue queue = DiskQueue.open(dir, cap)) {
            assertThat(queue.dropped()).isEqualTo(Long.parseLong(Files.readString(dir.resolve("dropped"))));
        }
    }

    @Test
    void anUnreadableDroppedCountStartsAgainFromZeroInsteadOfRefusingToStart() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("dropped"), "-7");
        try (DiskQueue queue = DiskQueue.open(dir, 1 << 20)) {
            assertThat(queue.dropped()).isZero();
        }
        Files.writeString(dir.resolve("dropped"), "x");
        try (DiskQueue queue = DiskQueue.open(dir, 1 << 20)) {
            assertThat(queue.dropped()).isZero();
        }
    }

    private static void fill(DiskQueue queue, int from, int to) throws IOException {
        for (int i = from; i < to; i += 50) {
            queue.append(events(i, i + 50));
        }
    }

    @Test
    void acknowledgingEventsDroppedMeanwhileChangesNothing() throws IOException {
        try (DiskQueue queue = DiskQueue.open(dir, 64 * 1024)) {
            queue.append(events(0, 50));
            QueueEntry old = queue.peek(10, Long.MAX_VALUE).getLast();
            for (int i = 50; i < 3000; i += 50) {
                queue.append(events(i, i + 50));
            }
            long depth = queue.depth();
            queue.acknowledge(old);
            assertThat(queue.depth()).isEqualTo(depth);
        }
    }

    @Test
    void fullyAcknowledgedSegmentsAreDeleted() throws IOException {
        try (DiskQueue queue = DiskQueue.open(dir, 64 * 1024)) {
            for (int i = 0; i < 500; i += 50) {
                queue.append(events(i, i + 50));
            }
            assertThat(segments()).hasSizeGreaterThan(1);
            List<QueueEntry> all = queue.peek(Integer.MAX_VALUE, Long.MAX_VALUE);
            assertThat(all).hasSize(500);
            queue.acknowledge(all.getLast());
            assertThat(queue.depth()).isZero();
            assertThat(segments()).hasSize(1);
            queue.append(events(500, 501));
            assertThat(jsons(queue.peek(10, Long.MAX_VALUE))).containsExactly("{\"id\":\"e500\"}");
        }
    }

    @Test
    void peekStopsAtTheByteBudgetButGivesAtLeastOne() throws IOException {
        try (DiskQueue queue = DiskQueue.open(dir, 1 << 20)) {
            queue.append(events(0, 10));
            assertThat(queue.peek(10, 1)).hasSize(1);
            // each record is 33 bytes (topic, line feed, json): the third passes a budget of 70
            assertThat(queue.peek(10, 70)).hasSize(3);
        }
    }

    @Test
    void aSecondCollectorOnTheSameFolderIsRefused() throws IOException {
        try (DiskQueue queue = DiskQueue.open(dir, 1 << 20)) {
            assertThatThrownBy(() -> DiskQueue.open(dir, 1 << 20)).isInstanceOf(IOException.class)
                    .hasMessageContaining("in use by another collector");
        }
        DiskQueue.open(dir, 1 << 20).close(); // released on close
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }
}
