package netc.runtime.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see either the old contents or the complete new ones, never a torn
 * file: the data goes to a temporary file in the same directory (same file system, so the rename is
 * atomic), {@code .<name>.<digits>.partial}, is forced to disk, and is then renamed over the target.
 *
 * <p>No partial file outlives its write: a write that fails deletes it; one cut short by Ctrl-C or a
 * plain kill has it deleted by a shutdown hook ({@link PartialFiles}); and one whose process was
 * killed outright (kill -9, a crash, a power cut), which nothing can clean up at the time, is deleted by
 * the next write of the same target. A partial file still being written by another process is told
 * apart from such a leftover by the lock its writer holds on it while it lives.
 */
public final class AtomicFiles {
    /** Fills an open channel. */
    @FunctionalInterface
    public interface Body {
        void write(FileChannel channel) throws IOException;
    }

    private static final String SUFFIX = ".partial";

    private AtomicFiles() {}

    /** Replaces {@code target} atomically with what {@code body} writes; on any failure it is untouched. */
    public static void write(Path target, Body body) {
        Path directory = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        Path temporary = directory.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong())
                + SUFFIX);
        PartialFiles.started(temporary);
        try {
            deleteLeftovers(directory, name);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                FileLock alive = lockQuietly(channel);
                body.write(channel);
                channel.force(true);
                if (alive != null) {
                    alive.release();
                }
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(directory);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + (Files.isDirectory(directory)
                    ? FileProblem.reason(e) : "its directory " + directory + " does not exist") + ".", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + FileProblem.reason(e) + ".", e);
        } finally {
            deleteQuietly(temporary); // gone already after a successful rename
            PartialFiles.finished(temporary);
        }
    }

    /**
     * Deletes the partial files of earlier writes of {@code name} that nobody writes any more: neither
     * this process (which knows its own) nor another one (which holds a lock on each of its own).
     */
    private static void deleteLeftovers(Path directory, String name) {
        Pattern partial = Pattern.compile(Pattern.quote("." + name + ".") + "\\d+" + Pattern.quote(SUFFIX));
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(directory,
                path -> partial.matcher(path.getFileName().toString()).matches())) {
            for (Path candidate : candidates) {
                if (!PartialFiles.isOurs(candidate) && isAbandoned(candidate)) {
                    deleteQuietly(candidate);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Cleaning up is a courtesy; the write itself reports any real problem with the directory.
        }
    }

    /** True when no process holds the lock a live writer keeps; false when unsure (no locks on this file system). */
    private static boolean isAbandoned(Path partial) {
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The lock that marks a partial file as being written; null where the file system has no locks. */
    private static FileLock lockQuietly(FileChannel channel) throws ClosedChannelException {
        try {
            return channel.tryLock();
        } catch (ClosedChannelException e) {
            throw e; // an interrupted thread: the write cannot go on either
        } catch (IOException | RuntimeException e) {
            return null;
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

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The original failure matters more than a leftover temporary file; the next write retries.
        }
    }
}
