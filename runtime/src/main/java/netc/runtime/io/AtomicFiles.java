package netc.runtime.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old contents or the complete new ones, never a torn
 * file: the data goes to a temporary file in the same directory (same file system, so the rename is
 * atomic), is forced to disk, and is then renamed over the target.
 */
public final class AtomicFiles {
    /** Fills an open channel. */
    @FunctionalInterface
    public interface Body {
        void write(FileChannel channel) throws IOException;
    }

    private AtomicFiles() {}

    /** Replaces {@code target} atomically with what {@code body} writes; on any failure it is untouched. */
    public static void write(Path target, Body body) {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".partial");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                body.write(channel);
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            forceDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target + ": " + e, e);
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is then skipped. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; its rename is already durable once it returns.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The original failure matters more than a leftover temporary file.
        }
    }
}
