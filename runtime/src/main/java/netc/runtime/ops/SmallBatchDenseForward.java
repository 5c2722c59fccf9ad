package netc.runtime.ops;

import netc.Activation;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/**
 * {@link Dense}'s forward at a small batch in one kernel ({@code dense_small_batch.cl}): there the
 * layer is a few matrix-vector products bound by reading the weight once, so each work-item streams a
 * few whole weight rows against every input row, with bias and activation fused, instead of a GEMM
 * launch followed by a separate epilogue pass.
 */
final class SmallBatchDenseForward {
    /**
     * Most rows it takes: measured on PoCL (Zen 4) against the GEMM and its epilogue for 6400 → 4096
     * (medians of 30, alternated), 5-15% faster at 1 to 8 rows and 30% slower at 16.
     */
    static final int MAX_BATCH = 8;
    /**
     * Most vector sums a work-item keeps (batch rows × weight rows): measured on PoCL (Zen 4) for
     * 6400 → 4096, 32 ran as fast as 16, 64 up to 1.5x slower and 128 about 10x (spilled registers).
     */
    static final int MAX_SUMS = 32;
    /** Most weight rows per work-item: more gained nothing at batch 1 (PoCL, Zen 4). */
    static final int MAX_ROWS = 8;
    /** Vector width along the inputs: one AVX-512 register, one cache line. */
    static final int VECTOR_WIDTH = 16;

    private final Kernel kernel;
    private final long[] global;

    SmallBatchDenseForward(Device device, Activation activation, int batch, int in, int out) {
        this(device, activation, batch, in, out, rowsPerItem(batch), VECTOR_WIDTH);
    }

    /** With a given block (tests and measurements try each). */
    SmallBatchDenseForward(Device device, Activation activation, int batch, int in, int out, int rowsPerItem,
            int vectorWidth) {
        int rows = Math.min(rowsPerItem, out);
        Defines defines = ActivationDefine.set(defines(batch, in, out, vectorWidth).set("RB", rows), activation);
        this.kernel = device.kernel("dense_small_batch.cl", "dense_small_batch_forward", defines);
        this.global = new long[] {(out + rows - 1) / rows};
    }

    /** Enqueues {@code output = activation(input · weightᵀ + bias)}. */
    void run(Buffer output, Buffer input, Buffer weight, Buffer bias) {
        kernel.launch(global, null, output, input, weight, bias);
    }

    /** Whether a dense layer of {@code batch} rows runs its forward here. */
    static boolean suits(int batch) {
        return batch <= MAX_BATCH;
    }

    /** The shape defines of {@code dense_small_batch.cl}, shared by its kernels. */
    static Defines defines(int batch, int in, int out) {
        return defines(batch, in, out, VECTOR_WIDTH);
    }

    private static Defines defines(int batch, int in, int out, int vectorWidth) {
        // The widest vector the inputs fill at least once (4 at the least: below that only the scalar tail runs).
        int width = Math.max(4, Math.min(vectorWidth, Integer.highestOneBit(in)));
        return Defines.of().set("BATCH", batch).set("IN", in).set("OUT", out).set("VW", width);
    }

    /** As many weight rows as keep the sums within {@link #MAX_SUMS}, at most {@link #MAX_ROWS}. */
    static int rowsPerItem(int batch) {
        return Math.max(1, Math.min(MAX_ROWS, MAX_SUMS / batch));
    }
}
