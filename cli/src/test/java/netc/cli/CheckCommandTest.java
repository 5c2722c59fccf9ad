package netc.cli;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netc.runtime.io.SafetensorsReader;
import netc.verify.ReferenceComparison;
import netc.samples.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netc check} end to end on the PyTorch LeNet fixtures and on edited copies of them. */
class CheckCommandTest {
    private static final Path LENET = Fixtures.file(Fixtures.LENET);
    /** The limit before per-element checks: a tensor passed when max |error| / max |reference| was at most this. */
    private static final double OLD_LIMIT = 5e-4;

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
    void helpStatesTheToleranceThePartialOptionAndTheExitCodes() {
        // picocli wraps the footer at 80 columns; compare with the line breaks taken out
        String help = netc("check", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("|netc - reference| <= " + ReferenceComparison.TOLERANCE.describe()), help);
        assertTrue(help.contains("--partial"), help);
        assertTrue(help.contains("3 the reference lacks results (INCOMPLETE)"), help);
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
        // the tensor's scale, over 150 times that element's limit (6e-5 of the scale), so exactly this tensor fails.
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
    void resultsTheFileDoesNotRecordAreListedAsNotCheckedAndTheVerdictIsIncomplete() {
        Path partial = ReferenceFileEdits.without(LENET, directory.resolve("partial.safetensors"),
                "0.weight.grad", "0.bias.grad");
        Outcome outcome = netc("check", "LeNet", "--reference", partial.toString());
        assertEquals(CheckCommand.EXIT_INCOMPLETE, outcome.exitCode(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("not in the reference, so not checked: conv1.weight.grad, conv1.bias.grad"),
                outcome.out());
        assertTrue(outcome.out().contains("INCOMPLETE: LeNet matches the reference in all 21 tensors it records, but"
                + " 2 results were not checked"), outcome.out());
        assertFalse(outcome.out().contains("PASS"), outcome.out());
    }

    @Test
    void partialAcceptsAReferenceThatRecordsOnlySomeResults() {
        Path partial = ReferenceFileEdits.without(LENET, directory.resolve("partial.safetensors"),
                "0.weight.grad", "0.bias.grad");
        Outcome outcome = netc("check", "LeNet", "--partial", "--reference", partial.toString());
        assertEquals(0, outcome.exitCode(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("not in the reference, so not checked: conv1.weight.grad, conv1.bias.grad"),
                outcome.out());
        assertTrue(outcome.out().contains("PASS (partial): LeNet matches the reference in all 21 tensors it records;"
                + " 2 results were not checked."), outcome.out());
    }

    @Test
    void partialStillFailsAWrongResult() {
        Path partialAndWrong = ReferenceFileEdits.without(
                ReferenceFileEdits.withScaledElement(LENET, directory.resolve("wrong.safetensors"), "3.weight.grad",
                        largestElement(LENET, "3.weight.grad"), 1.01f),
                directory.resolve("partial-wrong.safetensors"), "0.weight.grad");
        Outcome outcome = netc("check", "LeNet", "--partial", "--reference", partialAndWrong.toString());
        assertEquals(1, outcome.exitCode(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("FAIL: LeNet differs from the reference in 1 of 22 tensors: conv2.weight.grad."),
                outcome.out());
    }

    @Test
    void aReferenceWithOnlyLogitsDoesNotPassAndNamesEverythingItLacks() {
        // Replayable (parameters, input, labels) but recording only the logits: the loss, ten gradients, ten
        // updates and the loss after the step go unchecked, so this file cannot vouch for training.
        Path logitsOnly = ReferenceFileEdits.keeping(LENET, directory.resolve("logits-only.safetensors"),
                name -> !name.endsWith(".grad") && !name.endsWith(".after_sgd") && !name.equals("loss"),
                key -> !key.equals("loss_after_sgd"));
        Outcome outcome = netc("check", "LeNet", "--reference", logitsOnly.toString());
        assertEquals(CheckCommand.EXIT_INCOMPLETE, outcome.exitCode(), outcome.out() + outcome.err());
        assertFalse(outcome.out().contains("PASS"), outcome.out());
        String notChecked = outcome.out().lines().filter(line -> line.startsWith("not in the reference")).findFirst()
                .orElseThrow(() -> new AssertionError("no 'not checked' line in:\n" + outcome.out()));
        List<String> expected = new ArrayList<>(List.of("loss"));
        for (String parameter : List.of("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight",
                "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias")) {
            expected.add(parameter + ".grad");
        }
        for (String parameter : List.of("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight",
                "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias")) {
            expected.add(parameter + ".sgd_update");
        }
        expected.add("loss_after_sgd");
        assertEquals("not in the reference, so not checked: " + String.join(", ", expected), notChecked);
        assertTrue(outcome.out().contains("INCOMPLETE: LeNet matches the reference in all 1 tensors it records, but"
                + " 22 results were not checked"), outcome.out());
    }

    @Test
    void zeroingTheGradientOfEveryWeightOneUnitFeedsFails() {
        // fc1's unit j feeds column j of fc2's weight gradient; in the ReLU fixture the smallest non-zero column
        // peaks below 5e-4 of the tensor's scale, which the old limit (max error over max |reference| at 5e-4)
        // let through. Dropping a unit's contribution is a real bug (an off-by-one in a loop bound).
        Path fixture = Fixtures.file(Fixtures.LENET_RELU);
        float[] gradient = SafetensorsReader.read(fixture).tensor("9.weight.grad").floats();
        int units = 120;
        int column = smallestNonZeroColumn(gradient, units);
        assertTrue(columnPeak(gradient, units, column) < OLD_LIMIT * scale(gradient),
                "the case the old limit missed: column " + column);
        Path zeroed = ReferenceFileEdits.withEdit(fixture, directory.resolve("zeroed-column.safetensors"),
                "9.weight.grad", values -> {
                    for (int i = column; i < values.length; i += units) {
                        values[i] = 0;
                    }
                });
        Outcome outcome = netc("check", "netc.samples.LeNetRelu", "--reference", zeroed.toString());
        assertEquals(1, outcome.exitCode(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains(
                "FAIL: LeNetRelu differs from the reference in 1 of 23 tensors: fc2.weight.grad."), outcome.out());
    }

    @Test
    void zeroingOneUnitsGradientRowFails() {
        // The fc1 unit whose weight-gradient row is smallest (2e-3 of the tensor's scale in this fixture).
        float[] gradient = SafetensorsReader.read(LENET).tensor("7.weight.grad").floats();
        int inputs = 400;
        int row = smallestRow(gradient, inputs);
        Path zeroed = ReferenceFileEdits.withEdit(LENET, directory.resolve("zeroed-row.safetensors"), "7.weight.grad",
                values -> Arrays.fill(values, row * inputs, (row + 1) * inputs, 0f));
        Outcome outcome = netc("check", "LeNet", "--reference", zeroed.toString());
        assertEquals(1, outcome.exitCode(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("FAIL: LeNet differs from the reference in 1 of 23 tensors: fc1.weight.grad."),
                outcome.out());
    }

    @Test
    void doublingOneSmallGradientElementFails() {
        // An element near 2e-4 of fc1's gradient scale: doubled, it errs by 2e-4 of the scale, under the old
        // limit of 5e-4 but some 7 times the new per-element limit (3e-5 of the scale plus 3e-5 of itself).
        float[] gradient = SafetensorsReader.read(LENET).tensor("7.weight.grad").floats();
        int element = elementNearest(gradient, 2e-4 * scale(gradient));
        assertTrue(Math.abs(gradient[element]) < OLD_LIMIT * scale(gradient), "the case the old limit missed");
        Path doubled = ReferenceFileEdits.withScaledElement(LENET, directory.resolve("doubled.safetensors"),
                "7.weight.grad", element, 2f);
        Outcome outcome = netc("check", "LeNet", "--reference", doubled.toString());
        assertEquals(1, outcome.exitCode(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("FAIL: LeNet differs from the reference in 1 of 23 tensors: fc1.weight.grad."),
                outcome.out());
    }

    @Test
    void anAllZeroExpectedGradientIsJudgedOnTheOtherGradientsScaleNotPassed() {
        // conv1's bias gradient is ~1e-4 here; written as zeros, it once made the limit absolute (5e-4), so
        // our non-zero gradient passed. Now it borrows the smallest scale of the file's other gradients.
        Path zeroed = ReferenceFileEdits.withEdit(LENET, directory.resolve("zero-gradient.safetensors"),
                "0.bias.grad", values -> Arrays.fill(values, 0f));
        Outcome outcome = netc("check", "LeNet", "--reference", zeroed.toString());
        assertEquals(1, outcome.exitCode(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("FAIL: LeNet differs from the reference in 1 of 23 tensors: conv1.bias.grad."),
                outcome.out());
    }

    @Test
    void aMissingFileIsAUsageError() {
        Outcome outcome = netc("check", "LeNet", "--reference", "no/such/reference.safetensors");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("No reference file at no/such/reference.safetensors."), outcome.err());
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

    private static double scale(float[] values) {
        double scale = 0;
        for (float value : values) {
            scale = Math.max(scale, Math.abs(value));
        }
        return scale;
    }

    private static double columnPeak(float[] matrix, int columns, int column) {
        double peak = 0;
        for (int i = column; i < matrix.length; i += columns) {
            peak = Math.max(peak, Math.abs(matrix[i]));
        }
        return peak;
    }

    private static int smallestNonZeroColumn(float[] matrix, int columns) {
        int best = -1;
        for (int column = 0; column < columns; column++) {
            double peak = columnPeak(matrix, columns, column);
            if (peak > 0 && (best < 0 || peak < columnPeak(matrix, columns, best))) {
                best = column;
            }
        }
        return best;
    }

    private static int smallestRow(float[] matrix, int columns) {
        int best = 0;
        double bestPeak = Double.POSITIVE_INFINITY;
        for (int row = 0; row < matrix.length / columns; row++) {
            double peak = scale(Arrays.copyOfRange(matrix, row * columns, (row + 1) * columns));
            if (peak < bestPeak) {
                best = row;
                bestPeak = peak;
            }
        }
        return best;
    }

    private static int elementNearest(float[] values, double magnitude) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(Math.abs(values[i]) - magnitude) < Math.abs(Math.abs(values[best]) - magnitude)) {
                best = i;
            }
        }
        return best;
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
