package netc.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import netc.runtime.io.SafetensorsReader;
import netc.samples.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netc check} end to end on the PyTorch LeNet fixtures and on edited copies of them. */
class CheckCommandTest {
    private static final Path LENET = Fixtures.file(Fixtures.LENET);

    @TempDir
    Path directory;

    /** One run's exit code and what it printed. */
    private record Outcome(int exitCode, String out, String err) {}

    private static Outcome netc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void helpDescribesTheReferenceFile() {
        Outcome outcome = netc("check", "--help");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().startsWith("Usage: netc check"), outcome.out());
        assertTrue(outcome.out().contains("--reference=FILE") && outcome.out().contains("--device=SEL"), outcome.out());
    }

    @Test
    void lenetMatchesItsPyTorchFixture() {
        Outcome outcome = netc("check", "LeNet", "--reference", LENET.toString());
        assertEquals(0, outcome.exitCode(), outcome.out() + outcome.err());
        // logits, loss, 10 gradients, 10 updates, loss after the step: one line each, all within tolerance
        assertEquals(23, outcome.out().lines().filter(line -> line.endsWith(" ok")).count(), outcome.out());
        assertTrue(outcome.out().contains("PASS: LeNet matches the reference in all 23 tensors."), outcome.out());
        assertFalse(outcome.out().contains("not checked"), outcome.out());
    }

    @Test
    void anyNetworkOnTheClassPathCanBeChecked() {
        Outcome outcome = netc("check", "netc.samples.LeNetRelu", "--reference",
                Fixtures.file(Fixtures.LENET_RELU).toString());
        assertEquals(0, outcome.exitCode(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("PASS: LeNetRelu matches"), outcome.out());
    }

    @Test
    void aPerturbedGradientFailsAndIsNamed() {
        // 3.weight is LeNet's second convolution; its largest gradient element raised by 1% errs by 1e-2 of
        // the tensor's scale, 20 times the gradient tolerance, so exactly this tensor must fail.
        Path corrupted = ReferenceFileEdits.withScaledElement(LENET, directory.resolve("corrupted.safetensors"),
                "3.weight.grad", largestElement(LENET, "3.weight.grad"), 1.01f);
        Outcome outcome = netc("check", "LeNet", "--reference", corrupted.toString());
        assertEquals(1, outcome.exitCode(), outcome.out() + outcome.err());
        assertTrue(outcome.out().lines().anyMatch(line -> line.startsWith("conv2.weight.grad") && line.endsWith("FAILED")),
                outcome.out());
        assertTrue(outcome.out().contains("FAIL: LeNet differs from the reference in 1 of 23 tensors: conv2.weight.grad."),
                outcome.out());
    }

    @Test
    void resultsTheFileDoesNotRecordAreListedAsNotChecked() {
        Path partial = ReferenceFileEdits.without(LENET, directory.resolve("partial.safetensors"),
                "0.weight.grad", "0.bias.grad");
        Outcome outcome = netc("check", "LeNet", "--reference", partial.toString());
        assertEquals(0, outcome.exitCode(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("not in the reference, so not checked: conv1.weight.grad, conv1.bias.grad"),
                outcome.out());
        assertTrue(outcome.out().contains("in all 21 tensors"), outcome.out());
    }

    @Test
    void aMissingFileIsAUsageError() {
        Outcome outcome = netc("check", "LeNet", "--reference", "no/such/reference.safetensors");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("No reference file at no/such/reference.safetensors."), outcome.err());
    }

    @Test
    void aDirectoryGivenAsTheReferenceIsNamedAsSuch() {
        Outcome outcome = netc("check", "LeNet", "--reference", directory.toString());
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().startsWith("netc: " + directory + " is a directory, not a reference file."), outcome.err());
    }

    @Test
    void aReferenceBehindAClosedDirectorySaysPermissionDeniedNotMissing() throws IOException {
        Path closed = Files.createDirectory(directory.resolve("closed"));
        Path file = Files.copy(LENET, closed.resolve("reference.safetensors"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        try {
            // Root passes every permission check, so there the denial cannot be staged: the only skip.
            assumeFalse(Files.isExecutable(closed), "running as root: chmod 000 does not deny access");
            Outcome outcome = netc("check", "LeNet", "--reference", file.toString());
            assertEquals(2, outcome.exitCode());
            assertTrue(outcome.err().startsWith("netc: Cannot read reference file " + file + ": permission denied."),
                    outcome.err());
        } finally {
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void theReferenceOptionIsRequired() {
        Outcome outcome = netc("check", "LeNet");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("Missing required option: '--reference=FILE'"), outcome.err());
    }

    @Test
    void anUnknownNetworkIsOneSentence() {
        Outcome outcome = netc("check", "ResNet", "--reference", LENET.toString());
        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.err().startsWith("netc: Unknown network 'ResNet'"), outcome.err());
    }

    @Test
    void anInputOfAnotherShapeIsOneSentenceNamingBothShapes() {
        Path reshaped = ReferenceFileEdits.withShape(LENET, directory.resolve("reshaped.safetensors"), "input",
                8, 1, 784, 1);
        Outcome outcome = netc("check", "LeNet", "--reference", reshaped.toString());
        assertEquals(1, outcome.exitCode());
        assertOneSentence(outcome, "'input' has shape [8, 1, 784, 1] but LeNet takes (N, 1, 28, 28)");
    }

    @Test
    void missingLabelsAreOneSentence() {
        Path noLabels = ReferenceFileEdits.without(LENET, directory.resolve("no-labels.safetensors"), "labels");
        Outcome outcome = netc("check", "LeNet", "--reference", noLabels.toString());
        assertEquals(1, outcome.exitCode());
        assertOneSentence(outcome, "holds no 'labels' tensor; record the classes, I64 (N) under that name.");
    }

    @Test
    void aMissingParameterIsNamed() {
        Path noWeights = ReferenceFileEdits.without(LENET, directory.resolve("no-fc1.safetensors"), "7.weight");
        Outcome outcome = netc("check", "LeNet", "--reference", noWeights.toString());
        assertEquals(1, outcome.exitCode());
        assertOneSentence(outcome, "missing fc1.weight [120, 400]");
    }

    private static void assertOneSentence(Outcome outcome, String expected) {
        assertTrue(outcome.err().contains(expected), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), "one line, no stack trace:\n" + outcome.err());
        assertEquals("", outcome.out());
    }

    private static int largestElement(Path file, String name) {
        float[] values = SafetensorsReader.read(file).tensor(name).floats();
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i]) > Math.abs(values[best])) {
                best = i;
            }
        }
        return best;
    }
}
