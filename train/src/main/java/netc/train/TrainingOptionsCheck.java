package netc.train;

/** Refuses training options that cannot work, naming the option and the values it accepts. */
public final class TrainingOptionsCheck {
    /** The largest float32 below 1: a momentum any closer to 1 becomes 1 in the kernels. */
    private static final float LARGEST_BELOW_ONE = Math.nextDown(1f);

    private TrainingOptionsCheck() {}

    public static void validate(TrainingOptions options) {
        require(options.epochs() >= 1, "epochs must be at least 1, got " + options.epochs());
        require(options.batchSize() >= 1, "batch size must be at least 1, got " + options.batchSize());
        // The kernels see these as float32: a value float32 cannot hold (1e-50 becomes 0) would train
        // nothing, or something else than asked, without a word.
        requireFloat32("learning rate", options.learningRate(), false, Float.MAX_VALUE,
                "a normal float32 from " + Float.MIN_NORMAL + " to " + Float.MAX_VALUE);
        requireFloat32("momentum", options.momentum(), true, LARGEST_BELOW_ONE,
                "in [0, 1): 0, or a normal float32 from " + Float.MIN_NORMAL + " to " + LARGEST_BELOW_ONE);
        requireFloat32("weight decay", options.weightDecay(), true, Float.MAX_VALUE,
                "0, or a normal float32 from " + Float.MIN_NORMAL + " to " + Float.MAX_VALUE);
        require(options.trainLimit() >= 0, "the training-example limit must be 0 (all) or more, got " + options.trainLimit());
        require(options.testLimit() >= 0, "the test-example limit must be 0 (all) or more, got " + options.testLimit());
        require(options.dataDirectory() != null, "a data directory is required");
        require(options.outputDirectory() != null, "an output directory is required");
        require(!(options.resume() && options.overwrite()), "resume continues the run in the output directory and"
                + " overwrite replaces it, so they cannot both be set; choose one");
    }

    /**
     * Requires {@code value} to be 0 (when {@code zeroAllowed}) or to become, as a float32, a normal
     * number no larger than {@code largest}: subnormals lose precision and may be flushed to 0 on the device.
     */
    private static void requireFloat32(String option, double value, boolean zeroAllowed, float largest, String range) {
        float asFloat = (float) value;
        boolean valid = zeroAllowed && value == 0
                || value > 0 && asFloat >= Float.MIN_NORMAL && asFloat <= largest;
        require(valid, option + " must be " + range + ", got " + value + float32Fate(value, asFloat));
    }

    /** What float32 makes of {@code value}, when that is why it is refused; empty otherwise. */
    private static String float32Fate(double value, float asFloat) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value <= 0) {
            return "";
        }
        if (Float.isInfinite(asFloat)) {
            return ", which overflows float32 to infinity";
        }
        if (asFloat == 0f) {
            return ", which rounds to 0 in float32";
        }
        if (asFloat < Float.MIN_NORMAL) {
            return ", which is subnormal in float32 (" + asFloat + ") and may be flushed to 0 on the device";
        }
        if (value < 1 && asFloat == 1f) {
            return ", which rounds to 1 in float32";
        }
        return "";
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("Invalid training options: " + problem + ".");
        }
    }
}
