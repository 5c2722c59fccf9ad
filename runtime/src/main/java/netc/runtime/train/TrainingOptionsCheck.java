package netc.runtime.train;

/** Refuses training options that cannot work, naming the option and the values it accepts. */
public final class TrainingOptionsCheck {
    private TrainingOptionsCheck() {}

    public static void validate(TrainingOptions options) {
        require(options.epochs() >= 1, "epochs must be at least 1, got " + options.epochs());
        require(options.batchSize() >= 1, "batch size must be at least 1, got " + options.batchSize());
        require(options.learningRate() > 0 && Double.isFinite(options.learningRate()),
                "learning rate must be a positive number, got " + options.learningRate());
        require(options.momentum() >= 0 && options.momentum() < 1,
                "momentum must be in [0, 1), got " + options.momentum());
        require(options.weightDecay() >= 0 && Double.isFinite(options.weightDecay()),
                "weight decay must be zero or positive, got " + options.weightDecay());
        require(options.trainLimit() >= 0, "the training-example limit must be 0 (all) or more, got " + options.trainLimit());
        require(options.testLimit() >= 0, "the test-example limit must be 0 (all) or more, got " + options.testLimit());
        require(options.dataDirectory() != null, "a data directory is required");
        require(options.outputDirectory() != null, "an output directory is required");
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("Invalid training options: " + problem + ".");
        }
    }
}
