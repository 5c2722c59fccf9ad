package netc.runtime.ops;

/**
 * Plain-Java max and average pooling for the tests, written the way PyTorch's CPU kernels loop:
 * clipped window ranges, scatter-form backward passes, double accumulation.
 */
final class PoolingReference {
    /** One pooling configuration: N, C, H, W, kernel, stride, padding. */
    record Shape(int n, int c, int h, int w, int kernel, int stride, int padding) {
        int outH() {
            return (h + 2 * padding - kernel) / stride + 1;
        }

        int outW() {
            return (w + 2 * padding - kernel) / stride + 1;
        }

        int inSize() {
            return n * c * h * w;
        }

        int outSize() {
            return n * c * outH() * outW();
        }
    }

    /** Max pooling's output and, per output element, the arg-max's index inside its input plane. */
    record MaxResult(float[] output, int[] argmax) {}

    private PoolingReference() {}

    static MaxResult maxForward(Shape s, float[] input) {
        float[] output = new float[s.outSize()];
        int[] argmax = new int[s.outSize()];
        forEachWindow(s, (plane, o, h0, h1, w0, w1) -> {
            int best = h0 * s.w() + w0;
            float max = Float.NEGATIVE_INFINITY;
            for (int h = h0; h < h1; h++) {
                for (int w = w0; w < w1; w++) {
                    float value = input[plane * s.h() * s.w() + h * s.w() + w];
                    if (value > max || Float.isNaN(value)) {
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
    static double[] maxBackward(Shape s, int[] argmax, float[] dOutput) {
        double[] dInput = new double[s.inSize()];
        forEachWindow(s, (plane, o, h0, h1, w0, w1) -> dInput[plane * s.h() * s.w() + argmax[o]] += dOutput[o]);
        return dInput;
    }

    /**
     * Max pooling's backward pass in float, summing overlaps in PyTorch's CPU order (windows in
     * row-major order): what the kernel must reproduce bit for bit.
     */
    static float[] maxBackwardInFloat(Shape s, int[] argmax, float[] dOutput) {
        float[] dInput = new float[s.inSize()];
        forEachWindow(s, (plane, o, h0, h1, w0, w1) -> dInput[plane * s.h() * s.w() + argmax[o]] += dOutput[o]);
        return dInput;
    }

    /**
     * Average pooling's backward pass in float as PyTorch's CPU loop: each window's share
     * {@code dOutput / kernel²} (a float division) added to its real elements, windows in row-major order.
     */
    static float[] avgBackwardInFloat(Shape s, float[] dOutput) {
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

    /** Sums each window (padding as zeros) and divides by kernel², as count_include_pad. */
    static double[] avgForward(Shape s, double[] input) {
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

    /** Spreads each output gradient evenly (divided by kernel²) over the real elements of its window. */
    static double[] avgBackward(Shape s, float[] dOutput) {
        double[] dInput = new double[s.inSize()];
        double area = s.kernel() * s.kernel();
        forEachWindow(s, (plane, o, h0, h1, w0, w1) -> {
            for (int h = h0; h < h1; h++) {
                for (int w = w0; w < w1; w++) {
                    dInput[plane * s.h() * s.w() + h * s.w() + w] += dOutput[o] / area;
                }
            }
        });
        return dInput;
    }

    private interface Window {
        void visit(int plane, int outIndex, int h0, int h1, int w0, int w1);
    }

    /** Visits every output element with its window clipped to the input, [h0, h1) x [w0, w1). */
    private static void forEachWindow(Shape s, Window window) {
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
