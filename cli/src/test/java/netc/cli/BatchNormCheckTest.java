package netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import netc.runtime.io.HostTensor;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.SafetensorsWriter;
import netc.runtime.io.TensorFile;
import netc.samples.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netc check} on the BatchNorm networks' PyTorch references (the oracle's files, batch 2, batch norm in
 * training mode): PyTorch's state_dict names taken as they are, running statistics and num_batches_tracked
 * loaded and compared after the step, and the float32 allowances (measured noise; batch norms over two values)
 * still failing wrong results.
 */
class BatchNormCheckTest {
    private static final Path LENET_BN = Fixtures.file(Fixtures.LENET_BN);

    @TempDir
    Path directory;

    private record Outcome(int exitCode, String out, String err) {}

    private static Outcome netc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static String line(Outcome outcome, String name) {
        return outcome.out().lines().filter(line -> line.startsWith(name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + name + " in:\n" + outcome.out()));
    }

    @Test
    void leNetWithBatchNormMatchesPyTorch() {
        Outcome outcome = netc("check", "LeNetBN", "--reference", LENET_BN.toString());
        assertEquals(0, outcome.exitCode(), outcome.out() + outcome.err());
        // logits, loss, 18 gradients, 18 updates, 8 running statistics, 4 counters, the loss after the step
        assertTrue(outcome.out().contains("PASS: LeNetBN matches the reference in all 51 tensors."), outcome.out());
        assertTrue(line(outcome, "bn3.running_var.after_step").endsWith(" ok"), outcome.out());
        assertTrue(line(outcome, "bn4.num_batches_tracked.after_step").endsWith(" ok"), outcome.out());
        // BatchNorm1d at batch 2: the report says which layers and what they allow
        assertTrue(outcome.out().contains("bn3, bn4 normalise 2 values per channel (kappa = (var + eps)/eps up to"),
                outcome.out());
    }

    @Test
    void denseNetMatchesPyTorch() {
        Outcome outcome = netc("check", "DenseNet", "--reference", Fixtures.file(Fixtures.DENSENET).toString());
        assertEquals(0, outcome.exitCode(), outcome.out() + outcome.err());
        // logits, loss, 84 gradients, 84 updates, 42 running statistics, 21 counters, the loss after the step
        assertTrue(outcome.out().contains("PASS: DenseNet matches the reference in all 234 tensors."), outcome.out());
        assertTrue(line(outcome, "dense1.net[3].bn.running_var.after_step").endsWith(" ok"), outcome.out());
        assertTrue(!outcome.out().contains("normalise 2 values per channel"), "no BatchNorm1d at batch 2 here");
    }

    @Test
    void aPerturbedRunningVarianceFailsAndIsNamed() {
        // 10 is d2l's BatchNorm1d(120), netc's bn3. One running variance (~0.9) off by 2e-5 of itself: within
        // the limit of the values themselves (6e-5 of them), but some 6 times the limit of the step's change
        // (0.1·(batch variance − 1), scale ~0.1), which is what is compared.
        Path edited = ReferenceFileEdits.withScaledElement(LENET_BN, directory.resolve("running-var.safetensors"),
                "10.running_var.after_step", 7, 1.00002f);
        Outcome outcome = netc("check", "LeNetBN", "--reference", edited.toString());
        assertEquals(1, outcome.exitCode(), outcome.out() + outcome.err());
        assertTrue(line(outcome, "bn3.running_var.after_step").endsWith("FAILED"), outcome.out());
        assertTrue(outcome.out().contains("FAIL: LeNetBN differs from the reference in 1 of 51 tensors:"
                + " bn3.running_var.after_step."), outcome.out());
    }

    @Test
    void aBatchCountOtherThanOursFails() {
        Path edited = directory.resolve("count.safetensors");
        rewrite(LENET_BN, edited, "5.num_batches_tracked.after_step", HostTensor.ofLongs(new long[] {2}));
        Outcome outcome = netc("check", "LeNetBN", "--reference", edited.toString());
        assertEquals(1, outcome.exitCode(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("FAIL: LeNetBN differs from the reference in 1 of 51 tensors:"
                + " bn2.num_batches_tracked.after_step."), outcome.out());
    }

    @Test
    void aWrongGradientBeforeATwoValueBatchNormStillFails() {
        // conv1 lies before bn3 and bn4 (BatchNorm1d at batch 2), where the allowance is largest; its largest
        // gradient element off by 2% is still some 10 times what the allowances add up to.
        float[] gradient = SafetensorsReader.read(LENET_BN).tensor("0.weight.grad").floats();
        int largest = 0;
        for (int i = 1; i < gradient.length; i++) {
            largest = Math.abs(gradient[i]) > Math.abs(gradient[largest]) ? i : largest;
        }
        Path edited = ReferenceFileEdits.withScaledElement(LENET_BN, directory.resolve("conv1.safetensors"),
                "0.weight.grad", largest, 1.02f);
        Outcome outcome = netc("check", "LeNetBN", "--reference", edited.toString());
        assertEquals(1, outcome.exitCode(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("FAIL: LeNetBN differs from the reference in 1 of 51 tensors:"
                + " conv1.weight.grad."), outcome.out());
    }

    @Test
    void aGradientThatIsZeroUpToRoundingMayNotBeLarge() {
        // conv1's bias gradient is exactly 0 (bn1 subtracts the batch mean), so both sides hold rounding noise of
        // ~5e-6; a reference of 1e-3 there (1e-3 of conv1's weight gradient scale) is no longer noise.
        Path edited = ReferenceFileEdits.withEdit(LENET_BN, directory.resolve("bias.safetensors"), "0.bias.grad",
                values -> values[2] = 1e-3f);
        Outcome outcome = netc("check", "LeNetBN", "--reference", edited.toString());
        assertEquals(1, outcome.exitCode(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("FAIL: LeNetBN differs from the reference in 1 of 51 tensors:"
                + " conv1.bias.grad."), outcome.out());
    }

    @Test
    void aReferenceWithoutItsLearningRateIsOneSentence() {
        Path noRate = ReferenceFileEdits.keeping(LENET_BN, directory.resolve("no-lr.safetensors"), name -> true,
                key -> !key.equals("lr"));
        Outcome outcome = netc("check", "LeNetBN", "--reference", noRate.toString());
        assertEquals(1, outcome.exitCode(), outcome.out() + outcome.err());
        assertTrue(outcome.err().contains("has no 'lr' metadata, the learning rate of the SGD step it records; add it"),
                outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
    }

    @Test
    void helpSaysHowPyTorchNamesMap() {
        // picocli wraps the footer at 80 columns, even after a dot inside a name: compare without white space
        String help = netc("check", "--help").out().replaceAll("\\s+", "");
        assertTrue(help.contains("PyTorch'sstate_dictkeysaretakenastheyare."), help);
        String examples = "LeNet's 3.weight is conv2.weight, ResNet18's 2.0.bn1.running_mean is"
                + " b3.first.bn1.running_mean, DenseNet's 1.net.3.0.weight is dense1.net[3].bn.weight.";
        assertTrue(help.contains(examples.replaceAll("\\s+", "")), help);
    }

    /** A copy of {@code source} with {@code name} replaced by {@code tensor}. */
    private static void rewrite(Path source, Path target, String name, HostTensor tensor) {
        TensorFile file = SafetensorsReader.read(source);
        SafetensorsWriter writer = new SafetensorsWriter();
        file.metadata().forEach(writer::metadata);
        Map<String, HostTensor> tensors = file.tensors();
        tensors.forEach((key, value) -> writer.add(key, key.equals(name) ? tensor : value));
        writer.writeTo(target);
    }
}
