package io.iocmonitor.collector.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * One number in a file of its own beside the queue's segments (the head's sequence number, the events dropped at
 * the cap), replaced whole so that a crash or a power cut leaves the old number or the new one, never a torn file.
 */
final class NumberFile {

    private final Path file;
    private final Path tmp;

    NumberFile(Path dir, String name) {
        this.file = dir.resolve(name);
        this.tmp = dir.resolve(name + ".tmp");
    }

    Path path() {
        return file;
    }

    // On disk before the rename, and the rename itself made durable.
    void write(long value) throws IOException {
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(Long.toString(value).getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a folder; the file is then as durable as they allow
        }
    }

    /** The number, empty if there is no file yet; {@link NumberFormatException} if it holds something else. */
    OptionalLong read() throws IOException {
        if (!Files.exists(file)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip()));
    }
}
