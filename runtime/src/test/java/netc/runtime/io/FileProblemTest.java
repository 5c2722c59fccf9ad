package netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK's file exceptions carry the path as their message; the reason must come out in words. */
class FileProblemTest {
    @TempDir
    Path dir;

    @Test
    void theExceptionTypesThatCarryNoReasonAreNamedInWords() {
        assertEquals("permission denied", FileProblem.reason(new AccessDeniedException("runs/x/metrics.csv")));
        assertEquals("no such file or directory", FileProblem.reason(new NoSuchFileException("/data")));
        assertEquals("disk quota exceeded", FileProblem.reason(new FileSystemException("/runs", null, "Disk quota exceeded")));
        assertEquals("EIO", FileProblem.reason(new FileSystemException("/runs", null, "EIO")));
        assertEquals("stream closed", FileProblem.reason(new IOException("stream closed")));
    }

    /** A real failure from the operating system, not a permission one (chmod does not deny root). */
    @Test
    void writingUnderARegularFileGivesTheOperatingSystemsReason() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        IOException e = assertThrows(IOException.class, () -> Files.write(file.resolve("metrics.csv"), List.of("x")));
        assertEquals("not a directory", FileProblem.reason(e));
    }
}
