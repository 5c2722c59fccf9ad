package netc.cli.training;

import netc.samples.training.QuickTraining;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import netc.runtime.io.SafetensorsReader;
import netc.train.EpochMetrics;
import netc.train.MetricsCsv;
import netc.train.RunFiles;
import netc.train.Trainer;
import netc.train.TrainingOptions;
import netc.samples.LeNetModel;
import netc.cli.Netc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new run into the output directory of an earlier one would wipe its metrics and replace its
 * checkpoint: it is refused, through the command line and through the Trainer API alike, unless the
 * run resumes or is told to overwrite.
 */
class EarlierRunTest {
    private static final String[] TRAIN_LENET = {"train", "LeNet", "--batch-size", "32", "--limit", "100",
        "--test-limit", "50", "--output-dir"};

    @TempDir
    static Path root;
    private static Path earlier;
    private static Map<Path, byte[]> earlierFiles;

    @BeforeAll
    static void trainOnce() throws IOException {
        earlier = root.resolve("earlier");
        Outcome first = netc(earlier, "--epochs", "1");
        assertEquals(0, first.code(), first.err());
        earlierFiles = contents(earlier);
        assertEquals(3, earlierFiles.size(), earlierFiles.keySet().toString());
    }

    private static String refusal(Path directory) {
        return "The output directory " + directory + " already holds an earlier run (metrics.csv (1 epoch),"
                + " checkpoint.safetensors, training.png); pass --resume to continue it or --overwrite to replace it,"
                + " or choose another --output-dir.";
    }

    @Test
    void theCommandLineRefusesANewRunIntoItAndLeavesItsFilesAlone() throws IOException {
        Outcome again = netc(earlier, "--epochs", "1");
        assertEquals(1, again.code(), again.err());
        assertEquals("netc: " + refusal(earlier), again.err().strip());
        assertFilesUnchanged(earlierFiles, contents(earlier));
    }

    /**
     * The rule lives in the training layer, so a program calling Trainer.fit gets it too; the device
     * selector matches no device, so the refusal is shown to come before any device work.
     */
    @Test
    void theTrainerRefusesItBeforeOpeningTheDevice() throws IOException {
        TrainingOptions options = QuickTraining.withDevice(QuickTraining.options(earlier, 1, 32, 0.9, 100, 50),
                "no-such-device");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.fit(LeNetModel.FACTORY, LeNetModel.INFO, options, System.out));
        assertEquals(refusal(earlier), e.getMessage());
        assertFilesUnchanged(earlierFiles, contents(earlier));
    }

    @Test
    void overwriteStartsAfreshInTheSameDirectory() throws IOException {
        Path copy = Files.createDirectories(root.resolve("copy"));
        for (Path file : earlierFiles.keySet()) {
            Files.copy(file, copy.resolve(file.getFileName()));
        }
        Outcome overwritten = netc(copy, "--overwrite", "--epochs", "2", "--seed", "7");

        assertEquals(0, overwritten.code(), overwritten.err());
        RunFiles files = RunFiles.in(copy);
        assertEquals(List.of(1, 2), new MetricsCsv(files.metricsCsv()).read().stream().map(EpochMetrics::epoch).toList());
        assertEquals("2", SafetensorsReader.read(files.checkpoint()).metadata("epochs_done"));
        assertFalse(java.util.Arrays.equals(earlierFiles.get(earlier.resolve("checkpoint.safetensors")),
                Files.readAllBytes(files.checkpoint())), "the checkpoint was not replaced");
    }

    @Test
    void aDirectoryAnEarlierRunCouldNotWriteToIsFreeToUse() throws IOException {
        // A refused or diverged run leaves a metrics file with only its header: there is nothing to lose.
        Path headerOnly = Files.createDirectories(root.resolve("header-only"));
        Files.writeString(headerOnly.resolve("metrics.csv"), MetricsCsv.HEADER + "\n");
        Outcome outcome = netc(headerOnly, "--epochs", "1");
        assertEquals(0, outcome.code(), outcome.err());
        assertTrue(Files.exists(headerOnly.resolve("checkpoint.safetensors")));
    }

    private record Outcome(int code, String out, String err) {}

    private static Outcome netc(Path outputDirectory, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = Stream.concat(Stream.of(TRAIN_LENET), Stream.concat(Stream.of(outputDirectory.toString()),
                Stream.of(more))).toArray(String[]::new);
        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static Map<Path, byte[]> contents(Path directory) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> listed = Files.list(directory)) {
            for (Path file : listed.sorted().toList()) {
                files.put(file, Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void assertFilesUnchanged(Map<Path, byte[]> before, Map<Path, byte[]> after) {
        assertEquals(before.keySet(), after.keySet());
        before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), file + " was changed"));
    }
}
