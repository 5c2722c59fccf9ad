package netc.train;

import java.util.List;
import java.util.Random;
import netc.runtime.model.Parameter;

/**
 * Initial values as d2l's {@code init_weights}: every weight Xavier-uniform (Glorot, gain 1), every
 * bias zero, drawn from one seeded stream in parameter order so that a seed fixes the whole network.
 * Scales (a batch norm's gamma) start at one, as PyTorch's {@code reset_parameters}, and draw nothing
 * from the stream.
 */
public final class XavierInit {
    /**
     * Values drawn and uploaded at a time (4 MB), into one reused array: AlexNet's fc1 weight whole would
     * be a 105 MB array, and fresh chunks 187 MB of garbage; either grows the JVM's heap, whose touched
     * pages count in the process's peak memory.
     */
    private static final int CHUNK = 1 << 20;

    private XavierInit() {}

    /** The half-width of the uniform range, {@code sqrt(6 / (fanIn + fanOut))}. */
    public static double bound(int fanIn, int fanOut) {
        if (fanIn < 1 || fanOut < 1) {
            throw new IllegalArgumentException("Xavier initialisation needs positive fans, got fanIn=" + fanIn
                    + ", fanOut=" + fanOut);
        }
        return Math.sqrt(6.0 / (fanIn + fanOut));
    }

    /** {@code count} values uniform in {@code [-bound, bound)}, drawn from {@code random}. */
    public static float[] uniform(int count, double bound, Random random) {
        float[] values = new float[count];
        fill(values, count, bound, random);
        return values;
    }

    /** The first {@code count} of {@code values}, as {@link #uniform} draws them. */
    private static void fill(float[] values, int count, double bound, Random random) {
        for (int i = 0; i < count; i++) {
            values[i] = (float) ((2.0 * random.nextDouble() - 1.0) * bound);
        }
    }

    /** Uploads fresh values to every parameter: weights Xavier-uniform, biases zero, scales one. */
    public static void apply(List<Parameter> parameters, long seed) {
        Random random = new Random(seed);
        float[] chunk = null;
        for (Parameter parameter : parameters) {
            int size = Math.toIntExact(parameter.size());
            switch (parameter.kind()) {
                case WEIGHT -> {
                    double bound = bound(parameter.fanIn(), parameter.fanOut());
                    if (chunk == null) {
                        chunk = new float[CHUNK];
                    }
                    for (int from = 0; from < size; from += CHUNK) { // the same stream as one array's
                        int count = Math.min(CHUNK, size - from);
                        fill(chunk, count, bound, random);
                        parameter.value().buffer().write(chunk, 0, from, count); // a blocking write
                    }
                }
                case BIAS -> parameter.value().zero();
                case SCALE -> {
                    float[] ones = new float[size];
                    java.util.Arrays.fill(ones, 1f);
                    parameter.value().upload(ones);
                }
            }
        }
    }
}
