package netc.cli.training;

import netc.samples.training.QuickTraining;
import netc.samples.training.DropoutNetModel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import netc.runtime.io.HostTensor;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.TensorFile;
import netc.train.EpochMetrics;
import netc.train.MetricsCsv;
import netc.train.Trainer;
import netc.train.TrainingOptions;
import netc.train.TrainingReport;
import netc.cli.Netc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping after an epoch and resuming from the checkpoint must be invisible: the same seed gives the
 * same parameters, velocities and metrics as one uninterrupted run. The network has dropout and the
 * optimizer momentum, so the dropout masks (keyed by seed and global step) and the velocities must
 * both come back right.
 */
class ResumeTest {
    private static final int EPOCHS = 2;

    @TempDir
    static Path root;
    private static TrainingReport straight;
    private static TrainingReport resumed;

    @BeforeAll
    static void trainBothWays() {
        // 200 = 12 × 16 + 8: the partial last batch is part of what must replay identically.
        TrainingOptions straightOptions = QuickTraining.withMomentum(
                QuickTraining.options(root.resolve("straight"), EPOCHS, 16, 0.05, 200, 50), 0.9);
        straight = Trainer.fit(DropoutNetModel.FACTORY, DropoutNetModel.INFO, straightOptions, System.out);

        TrainingOptions firstEpoch = QuickTraining.withMomentum(
                QuickTraining.options(root.resolve("interrupted"), 1, 16, 0.05, 200, 50), 0.9);
        Trainer.fit(DropoutNetModel.FACTORY, DropoutNetModel.INFO, firstEpoch, System.out);
        resumed = Trainer.fit(DropoutNetModel.FACTORY, DropoutNetModel.INFO,
                QuickTraining.resumedTo(firstEpoch, EPOCHS), System.out);
    }

    /**
     * Exact equality: every kernel sums in a fixed order and the device runs one in-order queue, so the
     * same inputs give the same bits; any difference means some state was not saved or restored.
     */
    @Test
    void resumingGivesTheParametersAndVelocitiesOfAnUninterruptedRun() {
        TensorFile expected = SafetensorsReader.read(straight.checkpoint());
        TensorFile actual = SafetensorsReader.read(resumed.checkpoint());
        assertEquals(expected.tensors().keySet(), actual.tensors().keySet());
        assertEquals(Integer.toString(EPOCHS), actual.metadata("epochs_done"));
        // weight and bias of three layers, each with its velocity
        assertEquals(12, expected.tensors().size(), expected.tensors().keySet().toString());
        boolean momentumUsed = false;
        for (Map.Entry<String, HostTensor> entry : expected.tensors().entrySet()) {
            String name = entry.getKey();
            HostTensor want = entry.getValue();
            HostTensor got = actual.tensor(name);
            assertArrayEquals(want.shape(), got.shape(), name);
            assertArrayEquals(want.floats(), got.floats(), name + " differs after resuming");
            if (name.endsWith(".velocity")) {
                momentumUsed |= anyNonZero(want.floats());
            }
        }
        assertTrue(momentumUsed, "every velocity is zero, so the test would not notice velocities lost on resume");
    }

    /** The resumed run keeps epoch 1's row and measures epoch 2 exactly as the uninterrupted run did. */
    @Test
    void resumingReproducesTheMetricsOfAnUninterruptedRun() {
        assertEquals(EPOCHS, resumed.epochs().size());
        assertEquals(EPOCHS, new MetricsCsv(resumed.metricsCsv()).read().size());
        for (int i = 0; i < EPOCHS; i++) {
            EpochMetrics want = straight.epochs().get(i);
            EpochMetrics got = resumed.epochs().get(i);
            assertEquals(want.epoch(), got.epoch());
            // Epoch 1 of the resumed run comes back from the CSV, rounded to its 6 decimals.
            double tolerance = i == 0 ? 5e-7 : 0.0;
            assertEquals(want.loss(), got.loss(), tolerance, "loss of epoch " + want.epoch());
            assertEquals(want.trainAccuracy(), got.trainAccuracy(), tolerance, "train acc of epoch " + want.epoch());
            assertEquals(want.testAccuracy(), got.testAccuracy(), tolerance, "test acc of epoch " + want.epoch());
        }
    }

    @Test
    void aCheckpointOfAnotherNetworkIsRefusedNamingBoth() throws Exception {
        Path other = root.resolve("other");
        Files.createDirectories(other);
        Path checkpoint = Files.copy(straight.checkpoint(), other.resolve("checkpoint.safetensors"));
        byte[] before = Files.readAllBytes(checkpoint);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), "train", "netc.samples.LeNetRelu",
                "--resume", "--epochs", "2", "--batch-size", "16", "--limit", "200", "--test-limit", "50",
                "--output-dir", other.toString());

        assertEquals(1, code, err.toString());
        String message = err.toString().strip();
        assertTrue(message.startsWith("netc: Checkpoint "), message);
        assertTrue(message.contains("saved from network DropoutNet"), message);
        assertTrue(message.contains("but this model is LeNetRelu"), message);
        assertTrue(message.contains("resume with the network that wrote it"), message);
        assertTrue(message.lines().count() == 1, "one sentence, no stack trace:\n" + message);
        assertArrayEquals(before, Files.readAllBytes(checkpoint), "the refused checkpoint was changed");
    }

    private static boolean anyNonZero(float[] values) {
        for (float value : values) {
            if (value != 0f) {
                return true;
            }
        }
        return false;
    }
}
