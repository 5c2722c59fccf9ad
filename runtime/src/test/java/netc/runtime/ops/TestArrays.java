package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;

/** Random test data, float/double conversion and a tolerance-aware comparison shared by the op tests. */
final class TestArrays {
    private TestArrays() {}

    /** Uniform values in {@code [-scale, scale]}. */
    static float[] uniform(Random random, long count, double scale) {
        float[] values = new float[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * scale);
        }
        return values;
    }

    /** A device tensor of {@code count} values uniform in {@code [-1, 1]}, for the timing harnesses. */
    static Tensor uniformTensor(Device device, long count, Random random) {
        Tensor tensor = new Tensor(device, Math.toIntExact(count));
        tensor.upload(uniform(random, count, 1));
        return tensor;
    }

    /** Uniform values in {@code [low, high)}. */
    static float[] uniform(Random random, int count, float low, float high) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = low + (high - low) * random.nextFloat();
        }
        return values;
    }

    /** Integers in [0, levels), so that windows and rows hold many ties. */
    static float[] fewLevels(Random random, int count, int levels) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextInt(levels);
        }
        return values;
    }

    static double[] toDouble(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    static float[] toFloat(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }

    static float[] prefix(float[] values, int count) {
        return java.util.Arrays.copyOf(values, count);
    }

    /**
     * Asserts {@code |actual − expected| ≤ relative · max|expected|} elementwise. Scaled by the tensor's
     * largest magnitude, not each element's, because float32 rounding in a sum is relative to the
     * summed terms, which a small result (cancellation) does not bound.
     */
    static void assertClose(double[] expected, float[] actual, double relative, String what) {
        assertClose(expected, toDouble(actual), relative, what);
    }

    /** As {@link #assertClose(double[], float[], double, String)}, for double results. */
    static void assertClose(double[] expected, double[] actual, double relative, String what) {
        double largest = 1e-30;
        for (double value : expected) {
            largest = Math.max(largest, Math.abs(value));
        }
        double tolerance = relative * largest;
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(actual[i] - expected[i]);
            int index = i;
            assertTrue(error <= tolerance, () -> what + "[" + index + "]: expected " + expected[index] + ", got "
                    + actual[index] + " (error " + error + " > tolerance " + tolerance + ")");
        }
    }
}
