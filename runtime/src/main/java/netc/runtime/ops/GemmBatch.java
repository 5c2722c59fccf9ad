package netc.runtime.ops;

/**
 * {@code count} products of one {@link GemmShape} enqueued as one: product {@code i} reads A at
 * {@code aOffset + i·strideA}, B at {@code bOffset + i·strideB} and writes C at {@code cOffset + i·strideC}
 * (floats). One launch instead of {@code count} saves the driver's per-launch cost, which on PoCL
 * dominates small products such as Winograd's 36 per chunk (see {@link WinogradConv2d}).
 */
public record GemmBatch(int count, long strideA, long strideB, long strideC) {
    /** One product: the batch every unbatched {@link Gemm} runs. */
    public static final GemmBatch SINGLE = new GemmBatch(1, 0, 0, 0);

    public GemmBatch {
        if (count < 1 || strideA < 0 || strideB < 0 || strideC < 0) {
            throw new IllegalArgumentException("A GEMM batch needs at least one product and strides of at least 0,"
                    + " got count " + count + ", strides A " + strideA + ", B " + strideB + ", C " + strideC + ".");
        }
    }

    /** {@code count} products of contiguous matrices of {@code shape}, one after another in each buffer. */
    public static GemmBatch contiguous(GemmShape shape, int count) {
        return new GemmBatch(count, (long) shape.m() * shape.k(), (long) shape.k() * shape.n(),
                (long) shape.m() * shape.n());
    }

    /** Whether this is more than one product. */
    boolean batched() {
        return count > 1;
    }
}
