package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.ScratchSource;
import netc.runtime.cl.Kernel;
import netc.runtime.model.DeviceMemory;

/**
 * {@link Dense}'s input gradient {@code dInput = dz · weight} at a batch of 1 or 2 ({@code dense_small_batch.cl}):
 * the weight's rows are split into {@link #CHUNKS} contiguous chunks, each streamed whole into its own
 * partial sum in a scratch buffer this object owns, then the partial sums are added. The GEMM reads the
 * weight down its columns, a row apart per step, which measured about 3x slower.
 */
final class SmallBatchDenseInputGradient implements AutoCloseable {
    /**
     * Most rows it takes: measured on PoCL (Zen 4) for 6400 → 4096 (shared machine, medians of 10),
     * 2-3x faster than the GEMM at batch 1 and 2, even at 4, slower at 8: the partial sums of every row,
     * updated per weight row, outgrow the first-level cache.
     */
    static final int MAX_BATCH = 2;
    /** Chunks of weight rows: several per core for balance, few partial sums to add. */
    static final int CHUNKS = 16;

    private final Kernel chunks;
    private final Kernel sum;
    private final long[] chunkItems;
    private final long[] sumItems;
    private final Buffer partial;

    /** Whether a dense layer of {@code batch} rows runs its input gradient here. */
    static boolean suits(int batch) {
        return batch <= MAX_BATCH;
    }

    /** With its partial sums in {@code scratch}: used only inside one call. */
    SmallBatchDenseInputGradient(Device device, int batch, int in, int out, ScratchSource scratch) {
        int rowsPerChunk = rowsPerChunk(out);
        var defines = SmallBatchDenseForward.defines(batch, in, out).set("OC", rowsPerChunk);
        this.chunks = device.kernel("dense_small_batch.cl", "dense_small_batch_input_gradient_chunks", defines);
        this.sum = device.kernel("dense_small_batch.cl", "dense_small_batch_input_gradient_sum", defines);
        this.chunkItems = new long[] {chunkCount(out)};
        this.sumItems = new long[] {(long) batch * in};
        // Device memory last, so that a kernel that fails to build leaves nothing allocated.
        this.partial = scratch.take(partialFloats(batch, in, out));
    }

    /** The scratch it takes: one partial input gradient per chunk. Nothing is allocated. */
    static DeviceMemory deviceMemory(int batch, int in, int out) {
        return DeviceMemory.scratchFloats(partialFloats(batch, in, out));
    }

    /** Enqueues {@code dInput = dz · weight}. */
    void run(Buffer dInput, Buffer dz, Buffer weight) {
        chunks.launch(chunkItems, null, partial, dz, weight);
        sum.launch(sumItems, null, dInput, partial);
    }

    private static int rowsPerChunk(int out) {
        return (out + CHUNKS - 1) / CHUNKS;
    }

    /** CHUNKS, or fewer when there are fewer rows than that. */
    private static int chunkCount(int out) {
        int rows = rowsPerChunk(out);
        return (out + rows - 1) / rows;
    }

    private static long partialFloats(int batch, int in, int out) {
        return (long) chunkCount(out) * batch * in;
    }

    @Override
    public void close() {
        partial.close();
    }
}
