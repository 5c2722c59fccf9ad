package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/**
 * {@link Dense}'s weight and bias gradients at a small batch in one kernel ({@code dense_small_batch.cl}):
 * {@code dWeight = dzᵀ · input} is then an outer product of a few rows, one streaming write of the
 * weight's size, which the GEMM (built for long sums) and a separate bias-gradient pass did about 2x slower.
 */
final class SmallBatchDenseWeightGradient {
    /**
     * Most rows it takes: measured on PoCL (Zen 4) for 6400 → 4096 against the GEMM and the bias pass,
     * about 2x faster at batch 1, 1.3-1.6x at 2, 4 and 8, even at 16 (shared machine, medians of 10).
     */
    static final int MAX_BATCH = 8;
    /** Weight rows per work-item: a few, so that 4096 rows still give hundreds of work-items. */
    private static final int ROWS_PER_ITEM = 4;

    private final Kernel kernel;
    private final long[] global;

    /** Whether a dense layer of {@code batch} rows runs its weight and bias gradients here. */
    static boolean suits(int batch) {
        return batch <= MAX_BATCH;
    }

    SmallBatchDenseWeightGradient(Device device, int batch, int in, int out) {
        int rows = Math.min(ROWS_PER_ITEM, out);
        this.kernel = device.kernel("dense_small_batch.cl", "dense_small_batch_weight_gradient",
                SmallBatchDenseForward.defines(batch, in, out).set("RB", rows));
        this.global = new long[] {(out + rows - 1) / rows};
    }

    /** Enqueues {@code dWeight = dzᵀ · input} and {@code dBias = Σ_n dz}, overwriting both. */
    void run(Buffer dWeight, Buffer dBias, Buffer dz, Buffer input) {
        kernel.launch(global, null, dWeight, dBias, dz, input);
    }
}
