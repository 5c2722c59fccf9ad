package netc.samples.training;

import java.nio.file.Path;
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
        return new TrainingOptions(epochs, batchSize, learningRate, 0.0, 0.0, SEED, null,
                TrainingOptions.DEFAULT_DATA_DIRECTORY, outputDirectory, trainLimit, testLimit, false);
    }

    public static TrainingOptions withMomentum(TrainingOptions o, double momentum) {
        return new TrainingOptions(o.epochs(), o.batchSize(), o.learningRate(), momentum, o.weightDecay(), o.seed(),
                o.device(), o.dataDirectory(), o.outputDirectory(), o.trainLimit(), o.testLimit(), o.resume());
    }

    public static TrainingOptions withDevice(TrainingOptions o, String device) {
        return new TrainingOptions(o.epochs(), o.batchSize(), o.learningRate(), o.momentum(), o.weightDecay(), o.seed(),
                device, o.dataDirectory(), o.outputDirectory(), o.trainLimit(), o.testLimit(), o.resume());
    }

    /** The same run continued from its checkpoint up to {@code epochs}. */
    public static TrainingOptions resumedTo(TrainingOptions o, int epochs) {
        return new TrainingOptions(epochs, o.batchSize(), o.learningRate(), o.momentum(), o.weightDecay(), o.seed(),
                o.device(), o.dataDirectory(), o.outputDirectory(), o.trainLimit(), o.testLimit(), true);
    }
}
