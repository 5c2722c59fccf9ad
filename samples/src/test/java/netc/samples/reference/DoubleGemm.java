package netc.samples.reference;

import java.util.stream.IntStream;

/**
 * Row-major double-precision matrix products for the reference. The innermost loop always walks a
 * row of B and a row of C together ({@code c[j] += a * b[j]}), which HotSpot vectorises, unlike a dot
 * product, whose floating-point sum it must keep in order.
 */
final class DoubleGemm {
    /** Rows of B per pass, so the block (~64 × P doubles) stays in cache while every row of C uses it. */
    private static final int K_BLOCK = 64;

    private DoubleGemm() {}

    /** {@code C[m×n] += A[m×k] · B[k×n]}. */
    static void multiplyAdd(double[] c, double[] a, double[] b, int m, int k, int n) {
        for (int k0 = 0; k0 < k; k0 += K_BLOCK) {
            int kStart = k0;
            int kEnd = Math.min(k, k0 + K_BLOCK);
            IntStream.range(0, m).parallel().forEach(i -> {
                int cRow = i * n;
                for (int p = kStart; p < kEnd; p++) {
                    double scale = a[i * k + p];
                    if (scale == 0) {
                        continue; // ReLU outputs are often zero: skipping them changes nothing but time
                    }
                    int bRow = p * n;
                    for (int j = 0; j < n; j++) {
                        c[cRow + j] += scale * b[bRow + j];
                    }
                }
            });
        }
    }

    /** The {@code cols × rows} transpose of a {@code rows × cols} matrix. */
    static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[r * cols + c];
            }
        }
        return t;
    }
}
