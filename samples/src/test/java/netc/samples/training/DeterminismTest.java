package netc.samples.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import netc.runtime.io.HostTensor;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.TensorFile;
import netc.train.EpochMetrics;
import netc.train.Trainer;
import netc.train.TrainingOptions;
import netc.train.TrainingReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README promises: on one device, the same seed gives bit-identical results. Two runs of a
 * network with dropout, SGD momentum, shuffling and a partial last batch must end with the same bits in
 * every parameter and velocity and report the same losses and accuracies; a third run with another seed
 * shows the comparison can tell runs apart. (ResumeTest shows a resumed run equals an uninterrupted one.)
 */
class DeterminismTest {
    private static final int EPOCHS = 2;

    @TempDir
    static Path root;
    private static TrainingReport first;
    private static TrainingReport second;
    private static TrainingReport otherSeed;

    @BeforeAll
    static void trainThreeTimes() {
        first = train("first", QuickTraining.SEED);
        second = train("second", QuickTraining.SEED);
        otherSeed = train("other-seed", QuickTraining.SEED + 1);
    }

    /** 200 = 12 × 16 + 8 examples, momentum 0.9, dropout: every source of randomness and state is exercised. */
    private static TrainingReport train(String directory, long seed) {
        TrainingOptions o = QuickTraining.withMomentum(
                QuickTraining.options(root.resolve(directory), EPOCHS, 16, 0.05, 200, 50), 0.9);
        return Trainer.fit(DropoutNetModel.FACTORY, DropoutNetModel.INFO, o.toBuilder().seed(seed).build(), System.out);
    }

    @Test
    void theSameSeedGivesBitIdenticalParametersAndVelocities() {
        TensorFile a = SafetensorsReader.read(first.checkpoint());
        TensorFile b = SafetensorsReader.read(second.checkpoint());
        assertEquals(a.tensors().keySet(), b.tensors().keySet());
        for (Map.Entry<String, HostTensor> entry : a.tensors().entrySet()) {
            // assertArrayEquals on floats compares bits (via floatToIntBits): no tolerance at all.
            assertArrayEquals(entry.getValue().floats(), b.tensor(entry.getKey()).floats(),
                    entry.getKey() + " differs between two runs with the same seed");
        }
    }

    /** Loss and accuracies are equal as doubles and as written; only the timing columns may differ. */
    @Test
    void theSameSeedGivesIdenticalMetrics() throws IOException {
        assertEquals(EPOCHS, first.epochs().size());
        for (int i = 0; i < EPOCHS; i++) {
            EpochMetrics a = first.epochs().get(i);
            EpochMetrics b = second.epochs().get(i);
            assertEquals(a.loss(), b.loss(), 0.0, "loss of epoch " + a.epoch());
            assertEquals(a.trainAccuracy(), b.trainAccuracy(), 0.0, "train acc of epoch " + a.epoch());
            assertEquals(a.testAccuracy(), b.testAccuracy(), 0.0, "test acc of epoch " + a.epoch());
        }
        assertEquals(measuredColumns(first.metricsCsv()), measuredColumns(second.metricsCsv()));
    }

    @Test
    void anotherSeedGivesOtherParameters() {
        TensorFile a = SafetensorsReader.read(first.checkpoint());
        TensorFile other = SafetensorsReader.read(otherSeed.checkpoint());
        assertFalse(Arrays.equals(a.tensor("fc1.weight").floats(), other.tensor("fc1.weight").floats()),
                "seeds 42 and 43 trained the same weights: the seed is not used");
    }

    /** epoch, loss, train_acc, test_acc of every row (images_per_sec and seconds measure the machine). */
    private static List<String> measuredColumns(Path csv) throws IOException {
        return Files.readAllLines(csv).stream()
                .map(line -> String.join(",", Arrays.asList(line.split(",")).subList(0, 4)))
                .toList();
    }
}
