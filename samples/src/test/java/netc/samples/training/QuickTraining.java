package netc.samples.training;

import java.nio.file.Path;
import netc.train.Optimizers;
import netc.train.SgdSettings;
import netc.train.TrainingOptions;

/**
 * Training settings for tests that train for real on the installed Fashion-MNIST files: a few hundred
 * examples and small batches, so that a run takes about a second on two CPU cores.
 */
public final class QuickTraining {
    public static final long SEED = 42L;

    private QuickTraining() {}

    /** Plain SGD from seed {@value #SEED} on the default device, without resuming. */
    public static TrainingOptions options(Path outputDirectory, int epochs, int batchSize, double learningRate,
                                   int trainLimit, int testLimit) {
        return builder(outputDirectory, epochs, batchSize, trainLimit, testLimit)
                .optimizer(Optimizers.sgd(learningRate)).build();
    }

    /** The same without an optimizer chosen yet (the defaults' until one is). */
    public static TrainingOptions.Builder builder(Path outputDirectory, int epochs, int batchSize, int trainLimit,
                                                  int testLimit) {
        return TrainingOptions.builder().epochs(epochs).batchSize(batchSize).seed(SEED)
                .outputDirectory(outputDirectory).trainLimit(trainLimit).testLimit(testLimit);
    }

    public static TrainingOptions withMomentum(TrainingOptions o, double momentum) {
        return o.toBuilder().optimizer(((SgdSettings) o.optimizer()).momentum(momentum)).build();
    }

    public static TrainingOptions withDevice(TrainingOptions o, String device) {
        return o.toBuilder().device(device).build();
    }

    /** The same run continued from its checkpoint up to {@code epochs}. */
    public static TrainingOptions resumedTo(TrainingOptions o, int epochs) {
        return o.toBuilder().epochs(epochs).resume(true).build();
    }
}
