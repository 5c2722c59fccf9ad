package netc.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to train: epochs, batch size, optimizer, learning-rate schedule, early stopping, callbacks, the seed,
 * and where data and outputs live. Built fluently, every value not given a default that suits any network:
 * <pre>{@code
 * TrainingOptions options = TrainingOptions.builder()
 *         .epochs(20).batchSize(128)
 *         .optimizer(Optimizers.sgd(0.01).momentum(0.9).nesterov(true).weightDecay(5e-4))
 *         .schedule(LearningRateSchedule.warmup(2).then(LearningRateSchedule.cosine()))
 *         .earlyStopping(EarlyStopping.patience(3))
 *         .outputDirectory(Path.of("runs/mynet"))
 *         .build();
 * }</pre>
 * Defaults: {@value #DEFAULT_EPOCHS} epochs, batch {@value #DEFAULT_BATCH_SIZE}, SGD at lr 0.01 with
 * momentum 0.9 (a rate that trains deep networks too; d2l's per-network recipes are {@code netc train
 * --recipe d2l}), a constant rate, no early stopping, seed 42, the default device, Fashion-MNIST from
 * {@link #DEFAULT_DATA_DIRECTORY}, outputs in {@code runs/}. {@link TrainingOptionsCheck} refuses what
 * cannot work before anything runs.
 */
public final class TrainingOptions {
    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");
    public static final int DEFAULT_EPOCHS = 10;
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final long DEFAULT_SEED = 42L;
    /** SGD, lr 0.01, momentum 0.9: slow for LeNet, but it does not leave a deep network at chance as lr 0.9 does. */
    public static final OptimizerSettings DEFAULT_OPTIMIZER = Optimizers.sgd(0.01).momentum(0.9);

    private final int epochs;
    private final int batchSize;
    private final OptimizerSettings optimizer;
    private final LearningRateSchedule schedule;
    private final EarlyStopping earlyStopping;
    private final List<TrainingCallback> callbacks;
    private final long seed;
    private final String device;
    private final Path dataDirectory;
    private final Path outputDirectory;
    private final int trainLimit;
    private final int testLimit;
    private final boolean resume;
    private final boolean overwrite;

    private TrainingOptions(Builder b) {
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.optimizer = b.optimizer;
        this.schedule = b.schedule;
        this.earlyStopping = b.earlyStopping;
        this.callbacks = List.copyOf(b.callbacks);
        this.seed = b.seed;
        this.device = b.device;
        this.dataDirectory = b.dataDirectory;
        this.outputDirectory = b.outputDirectory;
        this.trainLimit = b.trainLimit;
        this.testLimit = b.testLimit;
        this.resume = b.resume;
        this.overwrite = b.overwrite;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults, as {@code builder().build()}. */
    public static TrainingOptions defaults() {
        return builder().build();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Passes over the training set. */
    public int epochs() {
        return epochs;
    }

    /** Examples per step. */
    public int batchSize() {
        return batchSize;
    }

    public OptimizerSettings optimizer() {
        return optimizer;
    }

    /** The optimizer's base learning rate, before the schedule. */
    public double learningRate() {
        return optimizer.learningRate();
    }

    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** The learning rate of {@code epoch} (0-based): the base rate times the schedule's factor. */
    public double learningRate(int epoch) {
        return optimizer.learningRate() * schedule.factor(epoch, epochs);
    }

    /** Null when training runs every epoch. */
    public EarlyStopping earlyStopping() {
        return earlyStopping;
    }

    public List<TrainingCallback> callbacks() {
        return callbacks;
    }

    /** Seeds the initial weights, the shuffling and the dropout masks. */
    public long seed() {
        return seed;
    }

    /** The OpenCL device selector (null: default or {@code NETC_DEVICE}). */
    public String device() {
        return device;
    }

    /** Where the Fashion-MNIST IDX files are. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Where metrics, plot and checkpoints go. */
    public Path outputDirectory() {
        return outputDirectory;
    }

    /** Use only the first this-many training examples (0: all). */
    public int trainLimit() {
        return trainLimit;
    }

    /** Use only the first this-many test examples (0: all). */
    public int testLimit() {
        return testLimit;
    }

    /** Continue from the checkpoint in the output directory. */
    public boolean resume() {
        return resume;
    }

    /** Start afresh even if the output directory holds an earlier run, replacing its outputs. */
    public boolean overwrite() {
        return overwrite;
    }

    @Override
    public String toString() {
        return "TrainingOptions[epochs " + epochs + ", batch " + batchSize + ", " + optimizer + ", schedule "
                + schedule + (earlyStopping == null ? "" : ", " + earlyStopping) + ", " + callbacks.size()
                + " callbacks, seed " + seed + ", device " + device + ", data " + dataDirectory + ", output "
                + outputDirectory + ", limits " + trainLimit + "/" + testLimit + (resume ? ", resume" : "")
                + (overwrite ? ", overwrite" : "") + "]";
    }

    /** Collects options; {@link #build} keeps every value as given (see {@link TrainingOptionsCheck}). */
    public static final class Builder {
        private int epochs = DEFAULT_EPOCHS;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private OptimizerSettings optimizer = DEFAULT_OPTIMIZER;
        private LearningRateSchedule schedule = LearningRateSchedule.constant();
        private EarlyStopping earlyStopping;
        private final List<TrainingCallback> callbacks = new ArrayList<>();
        private long seed = DEFAULT_SEED;
        private String device;
        private Path dataDirectory = DEFAULT_DATA_DIRECTORY;
        private Path outputDirectory = Path.of("runs");
        private int trainLimit;
        private int testLimit;
        private boolean resume;
        private boolean overwrite;

        private Builder() {}

        private Builder(TrainingOptions o) {
            epochs = o.epochs;
            batchSize = o.batchSize;
            optimizer = o.optimizer;
            schedule = o.schedule;
            earlyStopping = o.earlyStopping;
            callbacks.addAll(o.callbacks);
            seed = o.seed;
            device = o.device;
            dataDirectory = o.dataDirectory;
            outputDirectory = o.outputDirectory;
            trainLimit = o.trainLimit;
            testLimit = o.testLimit;
            resume = o.resume;
            overwrite = o.overwrite;
        }

        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** {@link Optimizers#sgd}, {@link Optimizers#adam} or {@link Optimizers#adamW}, with their settings. */
        public Builder optimizer(OptimizerSettings optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        /** The optimizer's base learning rate, keeping its other settings. */
        public Builder learningRate(double learningRate) {
            this.optimizer = optimizer.learningRate(learningRate);
            return this;
        }

        public Builder schedule(LearningRateSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /** Stop when the test accuracy stops improving; null (the default) trains every epoch. */
        public Builder earlyStopping(EarlyStopping earlyStopping) {
            this.earlyStopping = earlyStopping;
            return this;
        }

        /** Adds a callback; callbacks are told in the order they were added. */
        public Builder callback(TrainingCallback callback) {
            if (callback == null) {
                throw new IllegalArgumentException("A training callback cannot be null; leave it out instead.");
            }
            this.callbacks.add(callback);
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder device(String device) {
            this.device = device;
            return this;
        }

        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Builder outputDirectory(Path outputDirectory) {
            this.outputDirectory = outputDirectory;
            return this;
        }

        public Builder trainLimit(int trainLimit) {
            this.trainLimit = trainLimit;
            return this;
        }

        public Builder testLimit(int testLimit) {
            this.testLimit = testLimit;
            return this;
        }

        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        public Builder overwrite(boolean overwrite) {
            this.overwrite = overwrite;
            return this;
        }

        public TrainingOptions build() {
            return new TrainingOptions(this);
        }
    }
}
