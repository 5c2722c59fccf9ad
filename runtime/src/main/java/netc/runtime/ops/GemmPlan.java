package netc.runtime.ops;

import netc.runtime.cl.Defines;

/**
 * How one {@link GemmShape} is computed by {@code gemm.cl}: which kernel, the register block each
 * work-item owns, and the launch grid (one work-item per block).
 */
record GemmPlan(String kernelName, int blockRows, int blockCols, int vectorK, long[] global) {
    /** Rows of the outer-product register block: 8 broadcasts + 8 accumulators + 1 row fit any SIMD file. */
    static final int OUTER_ROWS = 8;
    /** Widest vector of the outer-product kernel along the columns of the product. */
    static final int OUTER_COLS = 16;
    /** The dot kernel's 4 x 4 block keeps 16 accumulators + 8 loads in 32 AVX-512 registers. */
    static final int DOT_ROWS = 4;
    static final int DOT_COLS = 4;
    static final int DOT_VECTOR_K = 16;

    static GemmPlan of(GemmShape shape) {
        if (shape.transB() && !shape.transA()) {
            int rows = Math.min(DOT_ROWS, shape.m());
            int cols = Math.min(DOT_COLS, shape.n());
            return new GemmPlan("gemm_dot", rows, cols, largestPowerOfTwoUpTo(DOT_VECTOR_K, shape.k()),
                    grid(shape.n(), cols, shape.m(), rows));
        }
        // TT is computed as C^T = B A, so the product's rows are C's columns.
        boolean swapped = shape.transA() && shape.transB();
        int p = swapped ? shape.n() : shape.m();
        int q = swapped ? shape.m() : shape.n();
        int rows = Math.min(OUTER_ROWS, p);
        int cols = largestPowerOfTwoUpTo(OUTER_COLS, q);
        return new GemmPlan("gemm_outer", rows, cols, 1, grid(q, cols, p, rows));
    }

    Defines defines(GemmShape shape) {
        return Defines.of()
                .set("M", shape.m()).set("N", shape.n()).set("K", shape.k())
                .set("TRANS_A", shape.transA()).set("TRANS_B", shape.transB())
                .set("ACCUMULATE", shape.accumulate())
                .set("BLOCK_ROWS", blockRows).set("BLOCK_COLS", blockCols).set("VECTOR_K", vectorK);
    }

    private static long[] grid(int cols, int blockCols, int rows, int blockRows) {
        return new long[] {ceilDiv(rows, blockRows), ceilDiv(cols, blockCols)};
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }

    /** The largest of 1, 2, 4, ... that is at most both {@code limit} and {@code size}. */
    private static int largestPowerOfTwoUpTo(int limit, int size) {
        int width = 1;
        while (width * 2 <= Math.min(limit, size)) {
            width *= 2;
        }
        return width;
    }
}
