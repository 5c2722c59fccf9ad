package netc.train;

import java.nio.file.Path;

/**
 * How to train: d2l's {@code train_ch6} settings plus where data and outputs live.
 *
 * @param epochs passes over the training set
 * @param batchSize examples per step
 * @param learningRate SGD's step size
 * @param momentum SGD momentum (0 for d2l's plain SGD)
 * @param weightDecay L2 penalty added to the gradient
 * @param seed seeds the initial weights, the shuffling and the dropout masks
 * @param device the OpenCL device selector (null: default or {@code NETC_DEVICE})
 * @param dataDirectory where the Fashion-MNIST IDX files are
 * @param outputDirectory where metrics, plot and checkpoints go
 * @param trainLimit use only the first this-many training examples (0: all)
 * @param testLimit use only the first this-many test examples (0: all)
 * @param resume continue from the checkpoint in the output directory
 * @param overwrite start afresh even if the output directory holds an earlier run, replacing its outputs
 */
public record TrainingOptions(
        int epochs,
        int batchSize,
        double learningRate,
        double momentum,
        double weightDecay,
        long seed,
        String device,
        Path dataDirectory,
        Path outputDirectory,
        int trainLimit,
        int testLimit,
        boolean resume,
        boolean overwrite) {

    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    /** As the canonical constructor, not overwriting an earlier run (one in the output directory is refused). */
    public TrainingOptions(int epochs, int batchSize, double learningRate, double momentum, double weightDecay, long seed,
                           String device, Path dataDirectory, Path outputDirectory, int trainLimit, int testLimit,
                           boolean resume) {
        this(epochs, batchSize, learningRate, momentum, weightDecay, seed, device, dataDirectory, outputDirectory,
                trainLimit, testLimit, resume, false);
    }

    /** d2l's LeNet recipe: 10 epochs, batch 256, lr 0.9, plain SGD. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(10, 256, 0.9, 0.0, 0.0, 42L, null, DEFAULT_DATA_DIRECTORY,
                Path.of("runs"), 0, 0, false);
    }
}
