package netc.runtime.cl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps JOCL behind {@code netc.runtime.cl}: every OpenCL call then goes through its one status
 * checker and its owners of device objects, and a change of binding touches one package.
 */
class OpenClBoundaryTest {
    /** The runtime's main sources, relative to the module directory Maven runs the tests in. */
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path CL_PACKAGE = SOURCES.resolve("netc/runtime/cl");

    @Test
    void onlyTheClPackageMentionsJocl() throws IOException {
        assertTrue(Files.isDirectory(CL_PACKAGE), "run from the runtime module directory: " + CL_PACKAGE.toAbsolutePath());
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(CL_PACKAGE))
                    .filter(OpenClBoundaryTest::mentionsJocl)
                    .collect(Collectors.toList());
        }
        assertTrue(offenders.isEmpty(), "these files use org.jocl directly; go through netc.runtime.cl"
                + " (Device, Buffer, Kernel, DeviceInfo) instead: " + offenders);
    }

    private static boolean mentionsJocl(Path file) {
        try {
            return Files.readString(file).contains("org.jocl");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
