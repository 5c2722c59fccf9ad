package netc.cli.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.TensorFile;
import netc.samples.training.DropoutNetModel;
import netc.samples.training.QuickTraining;
import netc.train.EarlyStopping;
import netc.train.EpochMetrics;
import netc.train.Optimizers;
import netc.train.Trainer;
import netc.train.TrainingCallback;
import netc.train.TrainingHistory;
import netc.train.TrainingOptions;
import netc.train.TrainingReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Early stopping and callbacks through Trainer.fit. A learning rate of 1e-9 moves no weight far enough to
 * change a prediction, so the test accuracy of epoch 1 is never beaten and patience 2 ends a 6-epoch run
 * after epoch 3, deterministically; best.safetensors then holds epoch 1.
 */
class EarlyStoppingEndToEndTest {
    @TempDir
    static Path root;
    private static TrainingReport report;
    private static String printed;
    private static final List<EpochMetrics> told = new ArrayList<>();
    private static final List<TrainingHistory> ended = new ArrayList<>();

    @BeforeAll
    static void trainUntilItStops() {
        TrainingOptions options = QuickTraining.builder(root.resolve("run"), 6, 16, 100, 50)
                .optimizer(Optimizers.sgd(1e-9)).earlyStopping(EarlyStopping.patience(2))
                .callback(new TrainingCallback() {
                    @Override
                    public void onEpochEnd(EpochMetrics metrics) {
                        told.add(metrics);
                    }

                    @Override
                    public void onTrainingEnd(TrainingHistory history) {
                        ended.add(history);
                    }
                }).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report = Trainer.fit(DropoutNetModel.FACTORY, DropoutNetModel.INFO, options,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        printed = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRunStopsOncePatienceEpochsPassWithoutABetterTestAccuracy() {
        assertTrue(report.history().stoppedEarly());
        assertEquals(List.of(1, 2, 3), report.epochs().stream().map(EpochMetrics::epoch).toList());
        double first = report.epochs().get(0).testAccuracy();
        assertArrayEquals(new double[] {first, first, first}, report.history().testAccuracies(), 0.0);
        assertTrue(printed.contains("early stopping after epoch 3: the test accuracy has not improved on epoch 1's"),
                printed);
        assertTrue(printed.contains("early stopping after 2 epochs without a better test acc"), printed);
    }

    @Test
    void theBestEpochsCheckpointIsKeptBesideTheLastOne() {
        assertNotNull(report.bestCheckpoint());
        assertEquals(1, report.bestEpoch());
        TensorFile best = SafetensorsReader.read(report.bestCheckpoint());
        TensorFile last = SafetensorsReader.read(report.checkpoint());
        assertEquals("1", best.metadata("epochs_done"));
        assertEquals("3", last.metadata("epochs_done"), "the checkpoint --resume continues is the last epoch's");
        // The biases start at 0, where even lr 1e-9 steps show: two more epochs leave them elsewhere.
        assertFalse(java.util.Arrays.equals(best.tensor("fc2.bias").floats(), last.tensor("fc2.bias").floats()),
                "best.safetensors holds the same fc2.bias as the last epoch's checkpoint");
        assertTrue(Files.exists(report.plotPng()));
    }

    @Test
    void callbacksAreToldEveryEpochAndTheEnd() {
        assertEquals(report.epochs(), told);
        assertEquals(1, ended.size());
        assertEquals(report.history(), ended.get(0));
    }

    /** A resumed run works out from the history that early stopping already ended it, and trains nothing. */
    @Test
    void resumingAStoppedRunTrainsNothingMore() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TrainingOptions resume = QuickTraining.builder(root.resolve("run"), 6, 16, 100, 50)
                .optimizer(Optimizers.sgd(1e-9)).earlyStopping(EarlyStopping.patience(2)).resume(true).build();
        TrainingReport again = Trainer.fit(DropoutNetModel.FACTORY, DropoutNetModel.INFO, resume,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(3, again.epochs().size());
        assertTrue(again.history().stoppedEarly());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("raise the patience or train without early stopping"),
                out.toString(StandardCharsets.UTF_8));
    }
}
