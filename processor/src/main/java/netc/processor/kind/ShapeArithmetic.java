package netc.processor.kind;

/**
 * The one place that knows how a window (a convolution's kernel, a pooling window) changes a spatial
 * size. Every kind asks here, so a slip (say, the height's padding applied to the width) can only
 * happen once, and its tests catch it.
 */
public final class ShapeArithmetic {
    private ShapeArithmetic() {}

    /**
     * One spatial dimension through a window: {@code floor((in + 2·padding − kernel) / stride) + 1}.
     * Below 1 when the kernel is larger than the padded input. Inputs are checked annotation values,
     * so {@code stride ≥ 1}; {@code long} keeps absurd sizes from wrapping around.
     */
    public static long windowOutput(long in, long kernel, long stride, long padding) {
        return Math.floorDiv(in + 2 * padding - kernel, stride) + 1;
    }

    /** The same rule with its numbers filled in, for diagnostics: {@code floor((12 + 2·0 − 3) / 2) + 1 = 5}. */
    public static String explainWindow(long in, long kernel, long stride, long padding) {
        return "floor((" + in + " + 2·" + padding + " − " + kernel + ") / " + stride + ") + 1 = "
                + windowOutput(in, kernel, stride, padding);
    }
}
