package netc.cli.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import netc.cli.Netc;
import netc.data.FashionMnist;
import netc.data.ImageDatasets;
import netc.runtime.cl.Device;
import netc.runtime.io.DType;
import netc.runtime.io.ExtraTensors;
import netc.runtime.io.HostTensor;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.TensorFile;
import netc.runtime.io.WeightFiles;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.StateTensor;
import netc.samples.LeNetBNModel;
import netc.samples.training.QuickTraining;
import netc.train.EpochTally;
import netc.train.Evaluator;
import netc.train.Trainer;
import netc.train.TrainingOptions;
import netc.train.TrainingReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A BatchNorm network's checkpoint holds its running statistics and num_batches_tracked: resuming from it
 * continues bit for bit as the uninterrupted run, and {@code netc eval} of it evaluates with the statistics
 * training left (d2l's LeNetBN, four batch norms, 200 examples in batches of 16, the last one partial).
 */
class BatchNormCheckpointTest {
    private static final int EPOCHS = 2;
    private static final int TRAIN = 200;
    private static final int TEST = 50;
    private static final int BATCH = 16;

    @TempDir
    static Path root;
    private static TrainingReport straight;
    private static TrainingReport resumed;

    @BeforeAll
    static void trainBothWays() {
        TrainingOptions straightOptions = QuickTraining.withMomentum(
                QuickTraining.options(root.resolve("straight"), EPOCHS, BATCH, 0.05, TRAIN, TEST), 0.9);
        straight = Trainer.fit(LeNetBNModel.FACTORY, LeNetBNModel.INFO, straightOptions, System.out);

        TrainingOptions firstEpoch = QuickTraining.withMomentum(
                QuickTraining.options(root.resolve("interrupted"), 1, BATCH, 0.05, TRAIN, TEST), 0.9);
        Trainer.fit(LeNetBNModel.FACTORY, LeNetBNModel.INFO, firstEpoch, System.out);
        resumed = Trainer.fit(LeNetBNModel.FACTORY, LeNetBNModel.INFO, QuickTraining.resumedTo(firstEpoch, EPOCHS),
                System.out);
    }

    @Test
    void resumingGivesTheParametersStatisticsAndCountsOfAnUninterruptedRun() {
        TensorFile expected = SafetensorsReader.read(straight.checkpoint());
        TensorFile actual = SafetensorsReader.read(resumed.checkpoint());
        assertEquals(expected.tensors().keySet(), actual.tensors().keySet());
        for (Map.Entry<String, HostTensor> entry : expected.tensors().entrySet()) {
            HostTensor got = actual.tensor(entry.getKey());
            assertEquals(entry.getValue().dtype(), got.dtype(), entry.getKey());
            assertEquals(entry.getValue().bytes(), got.bytes(), entry.getKey() + " differs after resuming");
        }
        // 13 batches an epoch (12 of 16 and one of 8), each counted by every batch norm
        long batches = 2 * ((TRAIN + BATCH - 1) / BATCH);
        for (String bn : new String[] {"bn1", "bn2", "bn3", "bn4"}) {
            HostTensor count = actual.tensor(bn + ".num_batches_tracked");
            assertEquals(DType.I64, count.dtype());
            assertArrayEquals(new long[] {batches}, count.longs(), bn);
        }
        float[] variance = actual.tensor("bn3.running_var").floats();
        assertNotEquals(1f, variance[0], "the running variance moved from its start, so losing it would show");
    }

    @Test
    void evaluatingTheCheckpointUsesTheRunningStatisticsTrainingLeft() {
        Path checkpoint = straight.checkpoint();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), "eval", "LeNetBN",
                "--weights", checkpoint.toString(), "--test-limit", Integer.toString(TEST),
                "--batch-size", Integer.toString(BATCH));
        assertEquals(0, code, err.toString());

        EpochTally trained;
        EpochTally initialStatistics;
        try (Device device = Device.open();
             CompiledModel model = LeNetBNModel.FACTORY.create(device, BATCH)) {
            WeightFiles.load(checkpoint, model, ExtraTensors.IGNORE);
            trained = evaluate(model);
            model.buffers().forEach(StateTensor::reset);
            initialStatistics = evaluate(model);
        }
        double lastEpoch = straight.epochs().get(EPOCHS - 1).testAccuracy();
        assertEquals(lastEpoch, trained.accuracy(), 0.0, "the checkpoint evaluates as training evaluated its model");
        String printed = String.format(Locale.ROOT, "test acc %.4f, test loss %.4f (%d examples", trained.accuracy(),
                trained.meanLoss(), TEST);
        assertTrue(out.toString().contains(printed), out + " should contain " + printed);
        assertNotEquals(String.format(Locale.ROOT, "%.4f", trained.meanLoss()),
                String.format(Locale.ROOT, "%.4f", initialStatistics.meanLoss()),
                "with the initial running statistics the loss differs, so the statistics were what was tested");
    }

    private static EpochTally evaluate(CompiledModel model) {
        try (Evaluator evaluator = new Evaluator(model,
                ImageDatasets.limit(FashionMnist.test(TrainingOptions.DEFAULT_DATA_DIRECTORY), TEST))) {
            return evaluator.evaluate();
        }
    }
}
