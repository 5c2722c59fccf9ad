package netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.toList();
        }
    }

    @Test
    void replacesTheTargetWithTheNewContents() throws IOException {
        Path target = Files.write(dir.resolve("state.bin"), new byte[] {1, 2, 3});
        AtomicFiles.write(target, channel -> channel.write(ByteBuffer.wrap(new byte[] {9, 8})));
        assertArrayEquals(new byte[] {9, 8}, Files.readAllBytes(target));
        assertEquals(List.of(target), files(), "no temporary file is left behind");
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileIntact() throws IOException {
        Path target = Files.write(dir.resolve("state.bin"), new byte[] {1, 2, 3});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, channel -> {
            channel.write(ByteBuffer.wrap(new byte[1000]));
            throw new IllegalStateException("the device failed mid-download");
        }));
        assertEquals("the device failed mid-download", e.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals(List.of(target), files(), "the partial temporary file is removed");
    }

    @Test
    void createsAFileThatDidNotExist() throws IOException {
        Path target = dir.resolve("new.bin");
        AtomicFiles.write(target, channel -> channel.write(ByteBuffer.wrap(new byte[] {4})));
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(target));
    }

    // ---- partial files are never left behind ----

    private List<Path> partials() throws IOException {
        return files().stream().filter(path -> path.getFileName().toString().endsWith(".partial")).toList();
    }

    @Test
    void aWriteThatThrowsAnErrorMidwayLeavesNoPartialFile() throws IOException {
        Path target = dir.resolve("state.bin");
        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> AtomicFiles.write(target, channel -> {
            channel.write(ByteBuffer.wrap(new byte[1000]));
            throw new OutOfMemoryError("simulated while downloading a tensor");
        }));
        assertEquals("simulated while downloading a tensor", e.getMessage());
        assertEquals(List.of(), files(), "neither the target nor a partial file");
    }

    @Test
    void theNextWriteDeletesAPartialFileLeftByACrash() throws IOException {
        // What a process killed mid-write (kill -9, a power cut) leaves: nobody holds its lock any more.
        Path target = Files.write(dir.resolve("state.bin"), new byte[] {1});
        Path leftover = Files.write(dir.resolve(".state.bin.8031416930437291853.partial"), new byte[93]);
        // Not partial files of this target: another target's, one whose name only starts alike, and a user's file.
        List<Path> others = List.of(Files.write(dir.resolve(".other.bin.77.partial"), new byte[1]),
                Files.write(dir.resolve(".state.bin.old.12.partial"), new byte[1]),
                Files.write(dir.resolve(".state.bin.backup"), new byte[1]));
        AtomicFiles.write(target, channel -> channel.write(ByteBuffer.wrap(new byte[] {2})));
        assertFalse(Files.exists(leftover), "the crash's partial file is still there");
        assertArrayEquals(new byte[] {2}, Files.readAllBytes(target));
        for (Path other : others) {
            assertTrue(Files.exists(other), other + " was deleted");
        }
    }

    @Test
    @Timeout(120)
    void aWriterStoppedMidwayDeletesItsPartialFileAndALiveOnesIsKept() throws Exception {
        Path target = dir.resolve("state.bin");
        Process writer = stalledWriter(target);
        try {
            List<Path> partial = partials();
            assertEquals(1, partial.size(), partial.toString());
            // Another process is writing: its partial file is not a leftover and must survive our write.
            AtomicFiles.write(target, channel -> channel.write(ByteBuffer.wrap(new byte[] {5})));
            assertEquals(partial, partials(), "a live writer's partial file was deleted");
            writer.destroy(); // SIGTERM, as Ctrl-C or a plain kill: shutdown hooks run, finally blocks do not
            assertTrue(writer.waitFor(60, TimeUnit.SECONDS), "the writer did not stop");
            assertEquals(List.of(), partials(), "a stopped writer left its partial file");
        } finally {
            writer.destroyForcibly();
        }
    }

    @Test
    @Timeout(120)
    void aWriterKilledOutrightLeavesAPartialFileThatTheNextWriteDeletes() throws Exception {
        Path target = dir.resolve("state.bin");
        Process writer = stalledWriter(target);
        writer.destroyForcibly(); // SIGKILL: nothing in the process can clean up
        assertTrue(writer.waitFor(60, TimeUnit.SECONDS), "the writer did not die");
        assertEquals(1, partials().size(), "a killed writer cannot delete its partial file");
        AtomicFiles.write(target, channel -> channel.write(ByteBuffer.wrap(new byte[] {6})));
        assertEquals(List.of(target), files());
    }

    /** A child JVM stuck in the middle of an atomic write of {@code target}, its partial file written. */
    private static Process stalledWriter(Path target) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StalledWriter.class.getName(), target.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"writing".equals(line)) {
            process.destroyForcibly();
            throw new AssertionError("the writer process did not start writing; it said: " + line);
        }
        return process;
    }

    // ---- the OS's reason in messages ----

    @Test
    void aMissingDirectoryIsNamed() {
        Path target = dir.resolve("absent").resolve("state.bin");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> AtomicFiles.write(target, channel -> channel.write(ByteBuffer.wrap(new byte[1]))));
        assertEquals("Cannot write " + target + ": its directory " + dir.resolve("absent") + " does not exist.",
                e.getMessage());
    }

    @Test
    void aDirectoryWithoutWritePermissionSaysSo() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        try {
            // Root writes into any directory whatever its mode, so there the denial cannot be staged.
            assumeFalse(Files.isWritable(locked), "running as root: chmod does not deny writes");
            Path target = locked.resolve("state.bin");
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> AtomicFiles.write(target, channel -> channel.write(ByteBuffer.wrap(new byte[1]))));
            assertEquals("Cannot write " + target + ": permission denied.", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
