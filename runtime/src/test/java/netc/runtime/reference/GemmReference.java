package netc.runtime.reference;

import netc.runtime.ops.GemmShape;

/** The textbook triple loop in double precision: the ground truth the OpenCL GEMM is tested against. */
public final class GemmReference {
    private GemmReference() {}

    /**
     * Returns {@code op(A)·op(B)} (plus the old C when accumulating) as an {@code m × n} array, and
     * fills {@code magnitude} with {@code Σ|a·b|} (plus {@code |C|}) per element, the scale of its
     * rounding error.
     */
    public static double[] product(GemmShape shape, float[] c, int cOffset, float[] a, int aOffset, float[] b, int bOffset,
            double[] magnitude) {
        int m = shape.m(), n = shape.n(), k = shape.k();
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = shape.accumulate() ? c[cOffset + i * n + j] : 0;
                double size = Math.abs(sum);
                for (int l = 0; l < k; l++) {
                    double term = (double) a[aOffset + (shape.transA() ? l * m + i : i * k + l)]
                            * b[bOffset + (shape.transB() ? j * k + l : l * n + j)];
                    sum += term;
                    size += Math.abs(term);
                }
                out[i * n + j] = sum;
                magnitude[i * n + j] = size;
            }
        }
        return out;
    }
}
