package netc.runtime.ops;

import java.util.Random;

/** Random test inputs and float/double conversions shared by the op tests. */
final class TestArrays {
    private TestArrays() {}

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
}
