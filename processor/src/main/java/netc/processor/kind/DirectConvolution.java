package netc.processor.kind;

/**
 * When a {@code @Conv} compiles to the runtime's {@code DirectConv2d} instead of {@code Conv2d}: stride 1,
 * padding below the kernel size, at most 16 channels in and out (a GEMM's 16-row tiles would be mostly
 * empty) and output rows of at most 64 values (its weight gradient unrolls a whole row). The processor does not link against the runtime, so this repeats
 * {@code DirectConv2d.suits}; a processor test checks that the two agree.
 */
final class DirectConvolution {
    static final int MAX_CHANNELS = 16;
    static final int MAX_OUT_WIDTH = 64;

    private DirectConvolution() {}

    /**
     * Whether the average pool reading a direct convolution's {@code outHeight × outWidth} output runs inside
     * it ({@code DirectConv2d.pooled}): windows that tile the output exactly. Repeats
     * {@code DirectConv2d.suitsPool}.
     */
    static boolean suitsPool(long outHeight, long outWidth, long kernel, long stride, long padding) {
        return kernel >= 2 && stride == kernel && padding == 0 && outHeight % kernel == 0 && outWidth % kernel == 0;
    }

    static boolean suits(long inChannels, long inWidth, long outChannels, long kernel, long stride, long padding) {
        long outWidth = inWidth + 2 * padding - kernel + 1;
        return stride == 1 && inChannels <= MAX_CHANNELS && outChannels <= MAX_CHANNELS
                && outWidth >= 1 && outWidth <= MAX_OUT_WIDTH && padding < kernel;
    }
}
