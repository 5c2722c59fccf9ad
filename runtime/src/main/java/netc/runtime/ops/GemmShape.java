package netc.runtime.ops;

/**
 * The compile-time shape of one matrix product {@code C = op(A) · op(B)} (or {@code C += ...} when
 * {@code accumulate}), all matrices row-major and contiguous: {@code op(A)} is {@code m × k} (stored
 * {@code k × m} when {@code transA}), {@code op(B)} is {@code k × n} (stored {@code n × k} when
 * {@code transB}), {@code C} is {@code m × n}.
 */
public record GemmShape(boolean transA, boolean transB, int m, int n, int k, boolean accumulate) {
    public GemmShape {
        if (m < 1 || n < 1 || k < 1) {
            throw new IllegalArgumentException("GEMM dimensions must be at least 1: m=" + m + ", n=" + n + ", k=" + k);
        }
        // The kernels index within a matrix with 32-bit ints.
        if ((long) m * n > Integer.MAX_VALUE || (long) m * k > Integer.MAX_VALUE || (long) k * n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("GEMM m=" + m + ", n=" + n + ", k=" + k + " has a matrix of 2^31"
                    + " or more elements; split the product (e.g. per image) so each matrix is smaller.");
        }
    }

    /** Floating-point operations of one product (a multiply-add counts two). */
    public double flops() {
        return 2.0 * m * n * k;
    }
}
