package netc.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses training options that cannot work, naming the option and the values it accepts, in one sentence
 * (the first problem found). The kernels see the learning rate and every hyper-parameter as float32, so
 * each must be one, and so must every epoch's scheduled rate: a step decay can take it below float32's range.
 */
public final class TrainingOptionsCheck {
    private TrainingOptionsCheck() {}

    public static void validate(TrainingOptions options) {
        require(options.epochs() >= 1, "epochs must be at least 1, got " + options.epochs());
        require(options.batchSize() >= 1, "batch size must be at least 1, got " + options.batchSize());
        require(options.optimizer() != null, "an optimizer is required, e.g. Optimizers.sgd(0.01).momentum(0.9)");
        require(options.schedule() != null, "a learning-rate schedule is required; LearningRateSchedule.constant()"
                + " keeps the rate");
        List<String> problems = new ArrayList<>();
        options.optimizer().validate(problems);
        require(problems.isEmpty(), problems.isEmpty() ? "" : problems.get(0));
        checkScheduledRates(options);
        require(options.trainLimit() >= 0, "the training-example limit must be 0 (all) or more, got " + options.trainLimit());
        require(options.testLimit() >= 0, "the test-example limit must be 0 (all) or more, got " + options.testLimit());
        require(options.dataDirectory() != null, "a data directory is required");
        require(options.outputDirectory() != null, "an output directory is required");
        require(!(options.resume() && options.overwrite()), "resume continues the run in the output directory and"
                + " overwrite replaces it, so they cannot both be set; choose one");
    }

    /** Every epoch's rate must stay a normal float32: 0.1^40 after forty decays does not. */
    private static void checkScheduledRates(TrainingOptions options) {
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            double rate = options.learningRate(epoch);
            if (!Float32Range.RATE.contains(rate)) {
                require(false, "the schedule " + options.schedule() + " makes epoch " + (epoch + 1)
                        + "'s learning rate " + rate + Float32Range.fate(rate) + ", but it must be a normal float32"
                        + " from " + Float.MIN_NORMAL + " to " + Float.MAX_VALUE + "; decay less or train fewer epochs");
            }
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("Invalid training options: " + problem + ".");
        }
    }
}
