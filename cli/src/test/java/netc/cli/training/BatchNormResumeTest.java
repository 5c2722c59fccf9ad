package netc.cli.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import netc.runtime.io.HostTensor;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.TensorFile;
import netc.samples.LeNetBNModel;
import netc.samples.training.QuickTraining;
import netc.train.Trainer;
import netc.train.TrainingOptions;
import netc.train.TrainingReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network with batch norm resumes as if never stopped: its running statistics, which evaluation
 * normalises with and training keeps moving, are in the checkpoint beside the parameters and the SGD
 * velocities. 100 = 6 × 16 + 4 examples, so a partial last batch (active rows) is part of it.
 */
class BatchNormResumeTest {
    private static final int EPOCHS = 2;

    @TempDir
    static Path root;
    private static TrainingReport straight;
    private static TrainingReport resumed;

    @BeforeAll
    static void trainBothWays() {
        straight = Trainer.fit(LeNetBNModel.FACTORY, LeNetBNModel.INFO, options("straight", EPOCHS), System.out);
        TrainingOptions first = options("interrupted", 1);
        Trainer.fit(LeNetBNModel.FACTORY, LeNetBNModel.INFO, first, System.out);
        resumed = Trainer.fit(LeNetBNModel.FACTORY, LeNetBNModel.INFO, QuickTraining.resumedTo(first, EPOCHS),
                System.out);
    }

    private static TrainingOptions options(String directory, int epochs) {
        return QuickTraining.builder(root.resolve(directory), epochs, 16, 100, 20).build();
    }

    @Test
    void resumingGivesTheParametersVelocitiesAndRunningStatisticsOfAnUninterruptedRun() {
        TensorFile expected = SafetensorsReader.read(straight.checkpoint());
        TensorFile actual = SafetensorsReader.read(resumed.checkpoint());
        assertEquals(expected.tensors().keySet(), actual.tensors().keySet());
        assertTrue(expected.tensors().containsKey("bn3.running_var"), expected.tensors().keySet().toString());
        for (Map.Entry<String, HostTensor> entry : expected.tensors().entrySet()) {
            // bytes, since num_batches_tracked is I64 as in PyTorch's state_dict
            assertEquals(entry.getValue().dtype(), actual.tensor(entry.getKey()).dtype(), entry.getKey());
            assertEquals(entry.getValue().bytes(), actual.tensor(entry.getKey()).bytes(),
                    entry.getKey() + " differs after resuming");
        }
        // Evaluation normalises with the running statistics: restored, they give the same test accuracy.
        assertEquals(straight.last().testAccuracy(), resumed.last().testAccuracy(), 0.0);
        assertEquals(straight.last().loss(), resumed.last().loss(), 0.0);
    }
}
