package netc.samples.reference;

import java.util.Random;

/**
 * Random parameters at the scale a real first step sees: Xavier-uniform weights
 * ({@code ±√(6 / (fan_in + fan_out))}) and biases {@code ±1/√fan_in} as PyTorch's default draws them.
 */
final class RandomInit {
    private RandomInit() {}

    static void xavierUniform(Sequential network, Random random) {
        int fanIn = 1;
        for (ReferenceParameter parameter : network.parameters()) {
            double bound;
            if (parameter.shape().length > 1) {
                fanIn = parameter.fanIn();
                bound = Math.sqrt(6.0 / (fanIn + parameter.fanOut()));
            } else {
                bound = 1 / Math.sqrt(fanIn); // a bias follows its layer's weight in state_dict order
            }
            float[] values = parameter.value();
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
            }
        }
    }

    /** Uniform [0, 1), like the fixtures' inputs. */
    static float[] uniformInput(int count, Random random) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextFloat();
        }
        return values;
    }

    static long[] labels(int count, int classes, Random random) {
        long[] labels = new long[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(classes);
        }
        return labels;
    }
}
