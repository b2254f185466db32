package io.iocmonitor.collector.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A first-in first-out queue of events on local disk, safe against {@code kill -9} and power loss.
 *
 * <p>Events are appended to segment files ({@code <first sequence number>.seg}, records of {@code length, CRC-32,
 * topic LF json}); {@link #append} returns only after {@link FileChannel#force} (the fsync policy: every append is
 * durable before the caller is told so, so a source may then move its cursor on). The forwarder {@link #peek}s from
 * the head and {@link #acknowledge}s what the broker has acknowledged; the head's sequence number is kept in the file
 * {@code head}. A head file older than the last acknowledgement (a crash between the two) only makes events go out
 * again with their own ids, which the server recognises as duplicates: never a loss. A record torn by a crash in the
 * middle of an append was never reported as appended and is cut off when the queue is opened again.
 *
 * <p>Disk use is capped: when an append would exceed {@code maxBytes}, the oldest segments are deleted first, and
 * their unsent events are counted in {@link #dropped()} and logged. The count is kept in the file {@code dropped}
 * and goes on across restarts, so that the heartbeats' cumulative count never hides a loss behind a restart (a
 * wiped folder starts it again from 0, which the server reads as a counter reset). Thread-safe: any number of
 * appenders, one reader.
 */
public final class DiskQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiskQueue.class);
    private static final String SUFFIX = ".seg";
    private static final int HEADER = 8;
    /** Events written per fsync when a caller appends very many at once (the simulator's history). */
    private static final int APPEND_CHUNK = 2000;

    private final Path dir;
    private final FileChannel lock;
    private final NumberFile head;
    private final NumberFile droppedFile;
    private final long maxBytes;
    private final long segmentBytes;
    private final List<Segment> segments = new ArrayList<>();
    private @Nullable FileChannel writer;
    private long headSeq;
    private long headOffset;
    private long totalBytes;
    private long dropped;

    private DiskQueue(Path dir, long maxBytes, long segmentBytes, FileChannel lock) {
        this.dir = dir;
        this.lock = lock;
        this.head = new NumberFile(dir, "head");
        this.droppedFile = new NumberFile(dir, "dropped");
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
    }

    /**
     * Opens (or creates) the queue in {@code dir}, recovering what a previous run left there.
     *
     * @param maxBytes cap on the disk used by segment files; segments hold at most a sixteenth of it (≤ 16 MiB), so
     *                 that dropping the oldest segment gives back a small part of the queue
     */
    public static DiskQueue open(Path dir, long maxBytes) throws IOException {
        if (maxBytes < 64 * 1024) {
            throw new IllegalArgumentException("the queue cap must be at least 64 KiB, not " + maxBytes + " bytes");
        }
        Files.createDirectories(dir);
        FileChannel lock = lock(dir);
        DiskQueue queue = new DiskQueue(dir, maxBytes, Math.min(16L << 20, maxBytes / 16), lock);
        try {
            queue.recover();
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        return queue;
    }

    // Two collectors appending to one queue would interleave their records: the second one is refused. The
    // operating system releases the lock when the process dies, kill -9 included.
    private static FileChannel lock(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() != null) {
                return channel;
            }
        } catch (OverlappingFileLockException e) {
            // held by this very process
        }
        channel.close();
        throw new IOException("the disk queue in " + dir + " is in use by another collector (queue.dir must be a"
                + " folder of its own per collector)");
    }

    /** Appends the events, in order, and returns once they are on disk. */
    public void append(List<QueuedEvent> events) throws IOException {
        for (int from = 0; from < events.size(); from += APPEND_CHUNK) {
            appendChunk(events.subList(from, Math.min(events.size(), from + APPEND_CHUNK)));
        }
    }

    private synchronized void appendChunk(List<QueuedEvent> events) throws IOException {
        if (events.isEmpty()) {
            return;
        }
        List<byte[]> payloads = new ArrayList<>(events.size());
        long size = 0;
        for (QueuedEvent e : events) {
            byte[] payload = (e.topic() + "\n" + e.json()).getBytes(StandardCharsets.UTF_8);
            payloads.add(payload);
            size += HEADER + payload.length;
        }
        if (size > maxBytes / 2) {
            throw new IOException("these " + events.size() + " events need " + size
                    + " bytes, more than half the queue's cap of " + maxBytes + " bytes");
        }
        makeRoomFor(size);
        Segment current = last();
        if (current.bytes > 0 && current.bytes + size > segmentBytes) {
            current = roll();
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        CRC32 crc = new CRC32();
        for (byte[] payload : payloads) {
            crc.reset();
            crc.update(payload);
            buffer.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
        }
        buffer.flip();
        FileChannel channel = writer();
        while (buffer.hasRemaining()) {
            channel.write(buffer, current.bytes + buffer.position());
        }
        channel.force(false);
        current.bytes += size;
        current.count += events.size();
        totalBytes += size;
        notifyAll();
    }

    /**
     * Up to {@code maxEvents} events from the head, oldest first, without removing them; fewer once their size
     * reaches {@code byteBudget} (but at least one).
     */
    public synchronized List<QueueEntry> peek(int maxEvents, long byteBudget) throws IOException {
        List<QueueEntry> out = new ArrayList<>();
        long bytes = 0;
        for (Segment segment : segments) {
            if (segment.end() <= headSeq) {
                continue;
            }
            boolean isHead = segment.base <= headSeq;
            long seq = isHead ? headSeq : segment.base;
            long offset = isHead ? headOffset : 0;
            try (FileChannel channel = FileChannel.open(segment.path, StandardOpenOption.READ)) {
                while (seq < segment.end() && out.size() < maxEvents && bytes < byteBudget) {
                    byte[] payload = readRecord(channel, offset, segment.bytes);
                    if (payload == null) {
                        throw new IOException(segment.path + ": record " + seq + " at byte " + offset
                                + " is damaged");
                    }
                    offset += HEADER + payload.length;
                    bytes += payload.length;
                    out.add(new QueueEntry(seq, decode(payload), segment.base, offset));
                    seq++;
                }
            }
            if (out.size() >= maxEvents || bytes >= byteBudget) {
                break;
            }
        }
        return out;
    }

    /** Waits until the queue holds an event or the timeout passes; true if it holds one. */
    public synchronized boolean awaitEvents(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (depth() == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /**
     * Removes every event up to and including {@code last} (one that {@link #peek} gave). Nothing happens if it is
     * gone already (dropped by the cap meanwhile).
     */
    public synchronized void acknowledge(QueueEntry last) throws IOException {
        if (last.seq() < headSeq) {
            return;
        }
        while (segments.size() > 1 && segments.getFirst().end() <= last.seq()) {
            deleteFirst();
        }
        headSeq = last.seq() + 1;
        headOffset = last.endOffset();
        while (segments.size() > 1 && headSeq >= segments.getFirst().end()) {
            deleteFirst();
            headOffset = 0;
        }
        writeHead();
    }

    /** Events appended and not yet acknowledged. */
    public synchronized long depth() {
        return last().end() - headSeq;
    }

    /** Bytes of the segment files. */
    public synchronized long bytes() {
        return totalBytes;
    }

    /** Events deleted unsent because the cap was reached, in all the runs of this queue's folder. */
    public synchronized long dropped() {
        return dropped;
    }

    public Path directory() {
        return dir;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            writer().close();
        } finally {
            lock.close();
        }
    }

    private FileChannel writer() {
        FileChannel channel = writer;
        if (channel == null) {
            throw new IllegalStateException("the queue in " + dir + " is not open");
        }
        return channel;
    }

    private void makeRoomFor(long size) throws IOException {
        while (totalBytes + size > maxBytes && totalBytes > 0) {
            if (segments.size() == 1) {
                roll();
            }
            Segment oldest = segments.getFirst();
            long lost = oldest.end() - Math.max(headSeq, oldest.base);
            // counted on disk before the events go: a crash in between over-reports a loss, never hides one
            if (lost > 0) {
                droppedFile.write(dropped + lost);
            }
            dropped += lost;
            deleteFirst();
            if (headSeq <= segments.getFirst().base) {
                headSeq = segments.getFirst().base;
                headOffset = 0;
            }
            writeHead();
            log.warn("The disk queue in {} reached its cap of {} bytes: dropped its {} oldest unsent events ({} dropped"
                    + " in all)", dir, maxBytes, lost, dropped);
        }
    }

    private Segment roll() throws IOException {
        Segment next = new Segment(dir.resolve(fileName(last().end())), last().end());
        FileChannel channel = FileChannel.open(next.path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        writer().close();
        writer = channel;
        segments.add(next);
        syncDirectory();
        return next;
    }

    private void deleteFirst() throws IOException {
        Segment first = segments.removeFirst();
        totalBytes -= first.bytes;
        Files.deleteIfExists(first.path);
    }

    private Segment last() {
        return segments.getLast();
    }

    private void writeHead() throws IOException {
        head.write(headSeq);
    }

    /** The head's sequence number, or 0 (resend from the oldest segment: duplicates, never losses) if unreadable. */
    private long readHead() throws IOException {
        try {
            return head.read().orElse(0);
        } catch (NumberFormatException e) {
            log.warn("{}: \"{}\" is not a sequence number; sending again from the oldest queued event", head.path(),
                    Files.readString(head.path(), StandardCharsets.US_ASCII).strip());
            return 0;
        }
    }

    /**
     * The count of earlier runs; 0 if the file is unreadable, which the server takes for a counter reset (a negative
     * count would instead have every heartbeat refused).
     */
    private long readDropped() throws IOException {
        try {
            long count = droppedFile.read().orElse(0);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        log.warn("{}: not a count of dropped events; counting again from 0", droppedFile.path());
        return 0;
    }

    private void recover() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().matches("\\d{20}\\" + SUFFIX)).sorted().toList();
        }
        headSeq = readHead();
        dropped = readDropped();
        for (int i = 0; i < files.size(); i++) {
            Path path = files.get(i);
            String name = path.getFileName().toString();
            Segment segment = new Segment(path, Long.parseLong(name.substring(0, name.length() - SUFFIX.length())));
            scan(segment, i == files.size() - 1);
            if (!segments.isEmpty() && segments.getLast().end() != segment.base) {
                log.error("The disk queue in {} misses events {} to {} (a segment file was removed by hand?)", dir,
                        segments.getLast().end(), segment.base - 1);
            }
            segments.add(segment);
            totalBytes += segment.bytes;
        }
        while (segments.size() > 1 && segments.getFirst().end() <= headSeq) {
            deleteFirst();
        }
        if (segments.isEmpty()) {
            Segment fresh = new Segment(dir.resolve(fileName(headSeq)), headSeq);
            segments.add(fresh);
            writer = FileChannel.open(fresh.path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            syncDirectory();
        } else {
            writer = FileChannel.open(last().path, StandardOpenOption.WRITE);
        }
        Segment head = segments.getFirst();
        headSeq = Math.min(Math.max(headSeq, head.base), head.end());
        headOffset = offsetOf(head, headSeq);
        if (depth() > 0) {
            log.info("The disk queue in {} holds {} unsent events from a previous run", dir, depth());
        }
    }

    /** Counts a segment's records; cuts off a record torn by a crash (or anything damaged after it). */
    private void scan(Segment segment, boolean isLast) throws IOException {
        try (FileChannel channel = FileChannel.open(segment.path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long offset = 0;
            int count = 0;
            byte[] payload = readRecord(channel, offset, size);
            while (payload != null) {
                offset += HEADER + payload.length;
                count++;
                payload = readRecord(channel, offset, size);
            }
            if (offset < size) {
                if (isLast) {
                    log.info("{}: cutting off {} bytes of an append interrupted by a crash", segment.path,
                            size - offset);
                } else {
                    log.error("{}: damaged at byte {}; the {} bytes after it are lost", segment.path, offset,
                            size - offset);
                }
                channel.truncate(offset);
                channel.force(false);
            }
            segment.bytes = offset;
            segment.count = count;
        }
    }

    private long offsetOf(Segment segment, long seq) throws IOException {
        long offset = 0;
        try (FileChannel channel = FileChannel.open(segment.path, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            for (long s = segment.base; s < seq; s++) {
                header.clear();
                channel.read(header, offset);
                offset += HEADER + header.getInt(0);
            }
        }
        return offset;
    }

    /** The payload of the record at {@code offset}, or null if it is incomplete or damaged. */
    private static byte @Nullable [] readRecord(FileChannel channel, long offset, long limit) throws IOException {
        if (offset + HEADER > limit) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(channel, header, offset);
        int length = header.getInt(0);
        if (length < 0 || offset + HEADER + length > limit) {
            return null;
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(channel, payload, offset + HEADER);
        CRC32 crc = new CRC32();
        crc.update(payload.array());
        return (int) crc.getValue() == header.getInt(4) ? payload.array() : null;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long offset) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                return;
            }
        }
    }

    private static QueuedEvent decode(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        int lf = text.indexOf('\n');
        return new QueuedEvent(text.substring(0, lf), text.substring(lf + 1));
    }

    private static String fileName(long base) {
        return "%020d%s".formatted(base, SUFFIX);
    }

    // A new segment file must survive a power loss along with what is written into it.
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log.debug("Cannot fsync the directory {} ({}); not all file systems allow it", dir, e.toString());
        }
    }

    /** A segment file: its first sequence number, its records and bytes. */
    private static final class Segment {
        final Path path;
        final long base;
        long bytes;
        long count;

        Segment(Path path, long base) {
            this.path = path;
            this.base = base;
        }

        long end() {
            return base + count;
        }
    }
}
