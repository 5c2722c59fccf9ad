package netc.processor.kind;

/**
 * When a {@code @Conv} compiles to the runtime's {@code StridedConv2d} (a direct convolution holding 16 output
 * channels in a vector): stride 2 or more, a kernel of at least 7 with padding below it and at most 4 input
 * channels, such as AlexNet's conv1 (1 → 96 channels, 11 × 11, stride 4), where im2col would write K² copies
 * of every output window for a GEMM with a short inner dimension. The processor does not link against the
 * runtime, so this repeats {@code StridedConv2d.suits}; a processor test checks that the two agree.
 */
final class StridedConvolution {
    static final int MAX_IN_CHANNELS = 4;
    static final int MIN_KERNEL = 7;

    private StridedConvolution() {}

    static boolean suits(long inChannels, long kernel, long stride, long padding) {
        return stride >= 2 && kernel >= MIN_KERNEL && padding < kernel && inChannels <= MAX_IN_CHANNELS;
    }
}
