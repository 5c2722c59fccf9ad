package netc.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output directory: an earlier run in it is not silently replaced, and a directory that cannot be
 * used is reported with the operating system's reason, not just its path.
 */
class OutputDirectoryTest {
    private static final EpochMetrics EPOCH_ONE = new EpochMetrics(1, 0.5, 0.8, 0.79, 1000, 2, 0.1);

    @TempDir
    Path root;

    private static TrainingOptions options(Path output, boolean resume, boolean overwrite) {
        return TrainingOptions.builder().epochs(2).batchSize(16).dataDirectory(Path.of("data")).outputDirectory(output)
                .resume(resume).overwrite(overwrite).build();
    }

    private RunFiles earlierRun() throws IOException {
        RunFiles files = RunFiles.in(root.resolve("run")).create();
        new MetricsCsv(files.metricsCsv()).rewrite(List.of(EPOCH_ONE, new EpochMetrics(2, 0.4, 0.85, 0.8, 1000, 2, 0.1)));
        Files.write(files.checkpoint(), new byte[] {1, 2, 3});
        Files.write(files.plotPng(), new byte[] {4});
        return files;
    }

    @Test
    void aNewRunIntoTheDirectoryOfAnEarlierOneIsRefusedNamingWhatItHoldsAndBothWaysOn() throws IOException {
        RunFiles files = earlierRun();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputDirectoryCheck.check(files, options(files.directory(), false, false)));
        assertEquals("The output directory " + files.directory() + " already holds an earlier run (metrics.csv"
                + " (2 epochs), checkpoint.safetensors, training.png); pass --resume to continue it or --overwrite to"
                + " replace it, or choose another --output-dir.", e.getMessage());
        assertDoesNotThrow(() -> OutputDirectoryCheck.check(files, options(files.directory(), true, false)));
        assertDoesNotThrow(() -> OutputDirectoryCheck.check(files, options(files.directory(), false, true)));
    }

    @Test
    void anyOneOutputOfAnEarlierRunIsEnoughToRefuse() throws IOException {
        RunFiles files = RunFiles.in(root.resolve("plot-only")).create();
        Files.write(files.plotPng(), new byte[] {4});
        assertEquals(List.of("training.png"), files.earlierOutputs());
        Files.delete(files.plotPng());
        Files.write(files.checkpoint(), new byte[] {1});
        assertEquals(List.of("checkpoint.safetensors"), files.earlierOutputs());
        Files.delete(files.checkpoint());
        Files.write(files.bestCheckpoint(), new byte[] {1});
        assertEquals(List.of("best.safetensors"), files.earlierOutputs());
        Files.delete(files.bestCheckpoint());
        // A metrics file that cannot be parsed may still hold work: it counts, without an epoch count.
        Files.writeString(files.metricsCsv(), "not,a,metrics,file\n1,2\n");
        assertEquals(List.of("metrics.csv"), files.earlierOutputs());
    }

    /** A refused or diverged run leaves a metrics file with only its header: nothing to lose, so no refusal. */
    @Test
    void aFreshOrHeaderOnlyDirectoryIsFreeToUse() {
        RunFiles files = RunFiles.in(root.resolve("fresh"));
        assertEquals(List.of(), files.earlierOutputs());
        files.create();
        new MetricsCsv(files.metricsCsv()).rewrite(List.of());
        assertEquals(List.of(), files.earlierOutputs());
        assertDoesNotThrow(() -> OutputDirectoryCheck.check(files, options(files.directory(), false, false)));
    }

    @Test
    void overwritingDiscardsTheEarlierCheckpointAndPlot() throws IOException {
        RunFiles files = earlierRun();
        Files.write(files.bestCheckpoint(), new byte[] {5});
        files.discardEarlierOutputs();
        assertFalse(Files.exists(files.checkpoint()));
        assertFalse(Files.exists(files.bestCheckpoint()), "an earlier run's best epoch would pass for this run's");
        assertFalse(Files.exists(files.plotPng()));
        assertTrue(Files.exists(files.metricsCsv()), "the metrics file is rewritten by the new run, not deleted");
    }

    @Test
    void resumingWithoutACheckpointIsRefused() {
        RunFiles files = RunFiles.in(root.resolve("empty")).create();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputDirectoryCheck.check(files, options(files.directory(), true, false)));
        assertTrue(e.getMessage().startsWith("There is no checkpoint to resume from at " + files.checkpoint()),
                e.getMessage());
    }

    @Test
    void anOutputDirectoryThatIsARegularFileIsNamedAsSuch() throws IOException {
        Path file = Files.writeString(root.resolve("runs"), "not a directory");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> RunFiles.in(file).create());
        assertEquals("Cannot use " + file + " as the output directory: it is a file, not a directory; choose another"
                + " --output-dir.", e.getMessage());
        UncheckedIOException below = assertThrows(UncheckedIOException.class,
                () -> RunFiles.in(file.resolve("lenet")).create());
        assertEquals("Cannot create the output directory " + file.resolve("lenet") + ": not a directory; choose"
                + " another --output-dir.", below.getMessage());
    }

    @Test
    void aMetricsFileThatCannotBeWrittenSaysWhyAndWhatToDo() throws IOException {
        Path notADirectory = Files.writeString(root.resolve("file"), "x");
        MetricsCsv underAFile = new MetricsCsv(notADirectory.resolve("metrics.csv"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> underAFile.rewrite(List.of()));
        assertEquals("Cannot write the metrics file " + underAFile.file() + ": not a directory; choose another"
                + " --output-dir.", e.getMessage());
    }

    @Test
    void aReadOnlyOutputDirectorySaysPermissionDenied() throws IOException {
        Path readOnly = Files.createDirectories(root.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // Tests run as root in CI, where chmod does not deny access: the case cannot arise there.
            assumeFalse(Files.isWritable(readOnly), "chmod does not deny access to this user (root)");
            MetricsCsv csv = new MetricsCsv(readOnly.resolve("metrics.csv"));
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> csv.rewrite(List.of()));
            assertEquals("Cannot write the metrics file " + csv.file() + ": permission denied; choose another"
                    + " --output-dir.", e.getMessage());
            UncheckedIOException create = assertThrows(UncheckedIOException.class,
                    () -> RunFiles.in(readOnly.resolve("lenet")).create());
            assertEquals("Cannot create the output directory " + readOnly.resolve("lenet") + ": permission denied;"
                    + " choose another --output-dir.", create.getMessage());
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
