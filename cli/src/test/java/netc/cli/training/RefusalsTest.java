package netc.cli.training;

import netc.samples.training.QuickTraining;
import netc.samples.training.NineClassNetModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netc.runtime.cl.Device;
import netc.runtime.model.DeviceMemoryCheck;
import netc.runtime.model.MemoryEstimate;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;
import netc.train.MetricsCsv;
import netc.train.RunFiles;
import netc.train.Trainer;
import netc.train.TrainingDivergedException;
import netc.train.TrainingOptions;
import netc.samples.AlexNetModel;
import netc.samples.LeNetModel;
import netc.samples.LeNetReluModel;
import netc.cli.Netc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that cannot work stop with one clear sentence: a network the data cannot feed, a diverging loss, a
 * batch the device cannot hold, an output directory that is a file.
 */
class RefusalsTest {
    /**
     * Were a device opened, this selector would fail first with "No OpenCL device matches"; getting the
     * network's own error instead shows the refusal comes before any device work.
     */
    private static final String NO_SUCH_DEVICE = "no-such-device";

    @TempDir
    Path root;

    @Test
    void aNetworkWithTwoInputChannelsIsRefusedBeforeTraining() {
        Path output = root.resolve("two");
        String message = refusal(TwoChannelNetModel.FACTORY, TwoChannelNetModel.INFO, output);
        assertEquals("TwoChannelNet takes 2 input channels but Fashion-MNIST has grey (1-channel) images, and only"
                + " grey and RGB inputs are fed; declare @Network(channels = 1, ...) or (channels = 3, ...).", message);
        assertFalse(Files.exists(output), "an output directory was created for a refused run");
    }

    @Test
    void aNetworkWithNineOutputsIsRefusedBeforeTraining() {
        Path output = root.resolve("nine");
        String message = refusal(NineClassNetModel.FACTORY, NineClassNetModel.INFO, output);
        assertEquals("NineClassNet's last layer has 9 outputs but Fashion-MNIST has 10 classes;"
                + " make the last layer @Dense(out = 10).", message);
        assertFalse(Files.exists(output), "an output directory was created for a refused run");
    }

    private static String refusal(ModelFactory factory, NetworkInfo info, Path output) {
        TrainingOptions options = QuickTraining.withDevice(QuickTraining.options(output, 1, 16, 0.1, 100, 50),
                NO_SUCH_DEVICE);
        return assertThrows(IllegalArgumentException.class, () -> Trainer.fit(factory, info, options, System.out))
                .getMessage();
    }

    /**
     * At a learning rate of 1e30 the first update explodes the weights. Sigmoid LeNet's bounded
     * activations then keep the loss finite but absurd (about 1e31); ReLU LeNet's unbounded ones overflow
     * it to infinity or NaN. Either way training must stop at once, naming the place, rather than report
     * epochs of garbage.
     */
    @Test
    void anAbsurdLearningRateStopsSigmoidLeNetInEpochOne() {
        assertStopsEarly(LeNetModel.FACTORY, LeNetModel.INFO);
    }

    @Test
    void anAbsurdLearningRateStopsReluLeNetInEpochOne() {
        assertStopsEarly(LeNetReluModel.FACTORY, LeNetReluModel.INFO);
    }

    private void assertStopsEarly(ModelFactory factory, NetworkInfo info) {
        Path output = root.resolve(info.name());
        TrainingOptions options = QuickTraining.options(output, 2, 16, 1e30, 160, 50);

        String message = assertThrows(TrainingDivergedException.class,
                () -> Trainer.fit(factory, info, options, System.out)).getMessage();
        System.out.println(message);

        Matcher matcher = Pattern.compile("Training diverged: the loss became (NaN|infinite|\\d\\.\\d+E\\+\\d+) at"
                + " epoch 1, step (\\d+) with learning rate 1E\\+30; lower the learning rate \\(e\\.g\\. --lr 1E\\+29\\)"
                + " and train again\\.").matcher(message);
        assertTrue(matcher.matches(), message);
        // Step 1's loss comes from the initial weights, so it is sane; 160 / 16 = 10 steps in epoch 1.
        int step = Integer.parseInt(matcher.group(2));
        assertTrue(step >= 2 && step <= 10, message);
        RunFiles files = RunFiles.in(output);
        assertTrue(new MetricsCsv(files.metricsCsv()).read().isEmpty(), "a diverged epoch was recorded");
        assertFalse(Files.exists(files.checkpoint()), "a diverged model was saved as a checkpoint");
    }

    /**
     * A million AlexNet examples need terabytes: the run is refused from the shape table before any buffer
     * exists (allocating would end in the driver, PoCL aborting the JVM), naming the batch that fits.
     */
    @Test
    void aBatchTooLargeForTheDeviceIsRefusedBeforeAnythingIsAllocated() {
        Path output = root.resolve("alexnet");
        Outcome outcome = netc("train", "AlexNet", "--batch-size", "1000000", "--epochs", "1", "--limit", "100",
                "--test-limit", "50", "--output-dir", output.toString());

        assertEquals(1, outcome.code(), outcome.err());
        String message = outcome.err().strip();
        System.out.println(message);
        Matcher matcher = Pattern.compile("netc: AlexNet at batch 1000000 needs about ([\\d.]+) TB of device memory"
                + " \\(largest buffer [\\d.]+ [GT]B\\) but (.+) has [\\d.]+ [GMT]B \\(max [\\d.]+ [GMT]B per buffer\\);"
                + " the largest batch that fits is (\\d+): pass --batch-size \\3 or less\\.").matcher(message);
        assertTrue(matcher.matches(), message);
        int fits = Integer.parseInt(matcher.group(3));
        try (Device device = Device.open()) {
            assertEquals(device.info().name(), matcher.group(2));
            DeviceMemoryCheck.require(device.info(), "AlexNet", fits,
                    batch -> MemoryEstimate.training(AlexNetModel.INFO, batch, 28 * 28));
        }
        assertFalse(Files.exists(output), "a refused run created its output directory");
    }

    @Test
    void evalAndBenchRefuseABatchTooLargeForTheDeviceToo() throws IOException {
        // A valid but empty safetensors file (header "{}"): read and checked for its network first, its
        // tensors would be loaded only into a model that was never built.
        byte[] header = "{}      ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] file = new byte[8 + header.length];
        file[0] = (byte) header.length;
        System.arraycopy(header, 0, file, 8, header.length);
        Path weights = Files.write(root.resolve("never-loaded.safetensors"), file);
        Outcome eval = netc("eval", "AlexNet", "--weights", weights.toString(), "--batch-size", "1000000",
                "--test-limit", "50");
        assertEquals(1, eval.code(), eval.err());
        assertTrue(eval.err().startsWith("netc: AlexNet at batch 1000000 needs about "), eval.err());
        Outcome bench = netc("bench", "AlexNet", "--batch-size", "1000000", "--no-gemm");
        assertEquals(1, bench.code(), bench.err());
        assertTrue(bench.err().startsWith("netc: AlexNet at batch 1000000 needs about "), bench.err());
    }

    @Test
    void anOutputDirectoryThatIsAFileIsRefusedSayingSo() throws IOException {
        Path file = Files.writeString(root.resolve("runs"), "not a directory");
        Outcome outcome = netc("train", "LeNet", "--epochs", "1", "--batch-size", "32", "--limit", "100",
                "--test-limit", "50", "--output-dir", file.toString());
        assertEquals(1, outcome.code(), outcome.err());
        assertEquals("netc: Cannot use " + file + " as the output directory: it is a file, not a directory; choose"
                + " another --output-dir.", outcome.err().strip());
    }

    private record Outcome(int code, String out, String err) {}

    private static Outcome netc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }
}
