package io.iocmonitor.collector.source;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A source's cursor in a file of its own, replaced atomically (write, fsync, rename): after a crash it is either the
 * old cursor or the new one, never half of each.
 *
 * <p>The file holds the cursor value; when records already read share the value the next request starts from, a
 * second line {@code skip=<n>} says how many of them lead that answer (a file of an older version, the value alone,
 * reads as skip 0).
 */
final class CursorStore {

    private static final Pattern SKIP_LINE = Pattern.compile("(?s)(.*)\\nskip=(\\d+)");

    /**
     * Where paging resumes.
     *
     * @param value the cursor to ask with
     * @param skip  records at the start of that answer that were read already
     */
    record Position(String value, int skip) {
    }

    private final Path file;

    CursorStore(Path file) {
        this.file = file;
    }

    @Nullable Position load() throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher withSkip = SKIP_LINE.matcher(text);
        return withSkip.matches() ? new Position(withSkip.group(1), Integer.parseInt(withSkip.group(2)))
                : new Position(text, 0);
    }

    void save(Position position) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, position.skip() == 0 ? position.value()
                : position.value() + "\nskip=" + position.skip(), StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
