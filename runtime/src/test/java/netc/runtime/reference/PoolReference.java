package netc.runtime.reference;

/**
 * Max and average pooling, written the way PyTorch's CPU kernels loop: windows clipped to the input,
 * visited in row-major order, backward passes in scatter form. Max pooling treats padding as minus
 * infinity (it never wins) and routes each gradient to its window's first maximum, a NaN beating any
 * number; average pooling counts padding as zeros and always divides by {@code kernel²}
 * ({@code count_include_pad}). The {@code InFloat} variants sum in float, in PyTorch's order, for
 * bit-exact comparisons.
 */
public final class PoolReference {
    /** Max pooling's output and, per output element, the arg-max's index inside its input plane ({@code h·w + w}). */
    public record MaxResult(double[] output, int[] argmax) {}

    private PoolReference() {}

    public static MaxResult maxForward(PoolShape s, double[] input) {
        double[] output = new double[s.outSize()];
        int[] argmax = new int[s.outSize()];
        forEachWindow(s, (plane, o, h0, h1, w0, w1) -> {
            int best = h0 * s.w() + w0;
            double max = Double.NEGATIVE_INFINITY;
            for (int h = h0; h < h1; h++) {
                for (int w = w0; w < w1; w++) {
                    double value = input[plane * s.h() * s.w() + h * s.w() + w];
                    if (value > max || Double.isNaN(value)) {
                        max = value;
                        best = h * s.w() + w;
                    }
                }
            }
            output[o] = max;
            argmax[o] = best;
        });
        return new MaxResult(output, argmax);
    }

    /** Scatters each output gradient onto its window's arg-max. */
    public static double[] maxBackward(PoolShape s, int[] argmax, double[] dOutput) {
        double[] dInput = new double[s.inSize()];
        forEachWindow(s, (plane, o, h0, h1, w0, w1) -> dInput[plane * s.h() * s.w() + argmax[o]] += dOutput[o]);
        return dInput;
    }

    /** {@link #maxBackward} summed in float, overlaps in PyTorch's CPU order: what the kernel must reproduce bit for bit. */
    public static float[] maxBackwardInFloat(PoolShape s, int[] argmax, float[] dOutput) {
        float[] dInput = new float[s.inSize()];
        forEachWindow(s, (plane, o, h0, h1, w0, w1) -> dInput[plane * s.h() * s.w() + argmax[o]] += dOutput[o]);
        return dInput;
    }

    /** Sums each window (padding as zeros) and divides by {@code kernel²}. */
    public static double[] avgForward(PoolShape s, double[] input) {
        double[] output = new double[s.outSize()];
        double area = s.kernel() * s.kernel();
        forEachWindow(s, (plane, o, h0, h1, w0, w1) -> {
            double sum = 0;
            for (int h = h0; h < h1; h++) {
                for (int w = w0; w < w1; w++) {
                    sum += input[plane * s.h() * s.w() + h * s.w() + w];
                }
            }
            output[o] = sum / area;
        });
        return output;
    }

    /** Spreads each output gradient evenly (divided by {@code kernel²}) over the real elements of its window. */
    public static double[] avgBackward(PoolShape s, double[] dOutput) {
        double[] dInput = new double[s.inSize()];
        double area = s.kernel() * s.kernel();
        forEachWindow(s, (plane, o, h0, h1, w0, w1) -> {
            double share = dOutput[o] / area;
            for (int h = h0; h < h1; h++) {
                for (int w = w0; w < w1; w++) {
                    dInput[plane * s.h() * s.w() + h * s.w() + w] += share;
                }
            }
        });
        return dInput;
    }

    /**
     * {@link #avgBackward} in float as PyTorch's CPU loop: each window's share {@code dOutput / kernel²}
     * (a float division) added to its real elements, windows in row-major order.
     */
    public static float[] avgBackwardInFloat(PoolShape s, float[] dOutput) {
        float[] dInput = new float[s.inSize()];
        float area = s.kernel() * s.kernel();
        forEachWindow(s, (plane, o, h0, h1, w0, w1) -> {
            float share = dOutput[o] / area;
            for (int h = h0; h < h1; h++) {
                for (int w = w0; w < w1; w++) {
                    dInput[plane * s.h() * s.w() + h * s.w() + w] += share;
                }
            }
        });
        return dInput;
    }

    private interface Window {
        void visit(int plane, int outIndex, int h0, int h1, int w0, int w1);
    }

    /** Visits every output element with its window clipped to the input, [h0, h1) x [w0, w1). */
    private static void forEachWindow(PoolShape s, Window window) {
        int o = 0;
        for (int plane = 0; plane < s.n() * s.c(); plane++) {
            for (int oh = 0; oh < s.outH(); oh++) {
                for (int ow = 0; ow < s.outW(); ow++, o++) {
                    int top = oh * s.stride() - s.padding();
                    int left = ow * s.stride() - s.padding();
                    window.visit(plane, o, Math.max(top, 0), Math.min(top + s.kernel(), s.h()),
                            Math.max(left, 0), Math.min(left + s.kernel(), s.w()));
                }
            }
        }
    }
}
