package netc.cli.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import netc.runtime.io.HostTensor;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.TensorFile;
import netc.samples.training.DropoutNetModel;
import netc.samples.training.QuickTraining;
import netc.train.EpochMetrics;
import netc.train.LearningRateSchedule;
import netc.train.Optimizers;
import netc.train.Trainer;
import netc.train.TrainingOptions;
import netc.train.TrainingReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming an AdamW run with a cosine schedule is invisible, as ResumeTest shows for SGD: the moments,
 * the step count (Adam's bias correction) and the scheduled rate all come back, so the resumed run ends
 * with the bits of an uninterrupted one. The network has dropout, and 200 = 12 × 16 + 8 examples give a
 * partial last batch.
 */
class OptimizerResumeTest {
    private static final int EPOCHS = 3;

    @TempDir
    static Path root;
    private static TrainingReport straight;
    private static TrainingReport resumed;

    @BeforeAll
    static void trainBothWays() {
        straight = Trainer.fit(DropoutNetModel.FACTORY, DropoutNetModel.INFO, options("straight", EPOCHS), System.out);
        TrainingOptions first = options("interrupted", 1);
        Trainer.fit(DropoutNetModel.FACTORY, DropoutNetModel.INFO, first, System.out);
        // The schedule spans the whole run: a resumed run must be given the same total epochs.
        resumed = Trainer.fit(DropoutNetModel.FACTORY, DropoutNetModel.INFO,
                QuickTraining.resumedTo(first, EPOCHS), System.out);
    }

    private static TrainingOptions options(String directory, int epochs) {
        return QuickTraining.builder(root.resolve(directory), epochs, 16, 200, 50)
                .optimizer(Optimizers.adamW(0.003)).schedule(LearningRateSchedule.cosine()).build();
    }

    @Test
    void resumingGivesTheParametersMomentsAndStepCountOfAnUninterruptedRun() {
        TensorFile expected = SafetensorsReader.read(straight.checkpoint());
        TensorFile actual = SafetensorsReader.read(resumed.checkpoint());
        assertEquals("adamw", actual.metadata("optimizer"));
        // 13 steps per epoch (12 full batches and one of 8)
        assertEquals(Integer.toString(13 * EPOCHS), actual.metadata("optimizer_steps"));
        assertEquals(expected.tensors().keySet(), actual.tensors().keySet());
        // weight and bias of three layers, each with exp_avg and exp_avg_sq
        assertEquals(18, expected.tensors().size(), expected.tensors().keySet().toString());
        for (Map.Entry<String, HostTensor> entry : expected.tensors().entrySet()) {
            assertArrayEquals(entry.getValue().floats(), actual.tensor(entry.getKey()).floats(),
                    entry.getKey() + " differs after resuming");
        }
    }

    /** The cosine rates of a 3-epoch run, (1 + cos(π·e/3))/2 of 0.003, and the same metrics after resuming. */
    @Test
    void everyEpochRecordsItsScheduledRateAndTheResumedRunMeasuresAlike() {
        double[] rates = {0.003, 0.003 * 0.75, 0.003 * 0.25};
        for (int i = 0; i < EPOCHS; i++) {
            EpochMetrics want = straight.epochs().get(i);
            EpochMetrics got = resumed.epochs().get(i);
            assertEquals(rates[i], want.learningRate(), 1e-12, "epoch " + want.epoch());
            // Epoch 1 of the resumed run comes back from the CSV: 6 decimals, 6 significant digits for the rate.
            double tolerance = i == 0 ? 5e-7 : 0.0;
            assertEquals(want.learningRate(), got.learningRate(), i == 0 ? 1e-9 : 0.0, "lr of epoch " + want.epoch());
            assertEquals(want.loss(), got.loss(), tolerance, "loss of epoch " + want.epoch());
            assertEquals(want.testAccuracy(), got.testAccuracy(), tolerance, "test acc of epoch " + want.epoch());
        }
        assertTrue(straight.epochs().get(EPOCHS - 1).loss() < straight.epochs().get(0).loss(),
                "AdamW did not lower the loss: " + straight.epochs());
    }
}
