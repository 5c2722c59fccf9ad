package netc.verify;

import java.util.Random;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.Parameter;

/**
 * Measures how far float32 rounding alone moves each result of a step: the step is replayed a second time
 * with every parameter moved one ulp up or down at random, and each result's noise is its largest change.
 *
 * <p>Why: a float32 result errs by the rounding of the terms it sums, not of itself. Where a result is a sum
 * that cancels (a gradient that a later batch norm makes exactly zero, the gradients of the lower layers of a
 * deep network whose signal vanishes, gradients through a batch norm over two values per channel), every
 * float32 implementation, PyTorch's included, is off the exact value by far more than the usual few 1e-7 of
 * the result's scale, and no limit relative to the values can tell that noise from a bug. Moving the
 * parameters by one ulp changes every rounding in the step while leaving the mathematics as it was to
 * 1e-7, so the second replay differs from the first by a sample of that noise: about 1e-7 of the scale for a
 * well-conditioned result, as much as the result itself for one that is noise. The comparison allows a
 * multiple of it (see {@link ReferenceComparison#NOISE_FACTOR}).
 */
final class Float32Noise {
    /** The nudge is seeded, so a check's verdict is the same every run. */
    static final long SEED = 0x6E65746321L;

    private Float32Noise() {}

    /** Moves every parameter element to its float32 neighbour above or below, chosen at random. */
    static void nudgeParameters(CompiledModel model, long seed) {
        Random random = new Random(seed);
        for (Parameter parameter : model.parameters()) {
            float[] values = parameter.value().download();
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextBoolean() ? Math.nextUp(values[i]) : Math.nextDown(values[i]);
            }
            parameter.value().upload(values);
        }
    }

    /**
     * The largest {@code |a[i] − b[i]|}; 0 where either replay is not finite, so that a NaN never turns into an
     * allowance that passes anything.
     */
    static double of(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("two replays of one step gave " + a.length + " and " + b.length
                    + " values");
        }
        double noise = 0;
        for (int i = 0; i < a.length; i++) {
            double difference = Math.abs((double) a[i] - b[i]);
            if (!Double.isFinite(difference)) {
                return 0;
            }
            noise = Math.max(noise, difference);
        }
        return noise;
    }
}
