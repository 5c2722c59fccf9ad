package netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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
}
