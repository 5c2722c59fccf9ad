package netc.processor.kind;

/**
 * When a {@code @Conv} compiles to the runtime's {@code WinogradConv2d} (Winograd minimal filtering
 * F(4x4, 3x3) or F(4x4, 5x5): 4x and 6.25x fewer multiplies in the products than a direct convolution):
 * 3x3 and 5x5 kernels at stride 1 with at least 32 channels in and out, where its 36 GEMMs are wide enough to run near the
 * plain GEMM's speed, and an output of at least one whole 4x4 tile (measured in docs/PERFORMANCE.md: below
 * either im2col + GEMM ties or wins). The
 * processor does not link against the runtime, so this repeats {@code Convolutions.usesWinograd}; a
 * processor test checks that the two agree.
 */
final class WinogradConvolution {
    static final int MIN_CHANNELS = 32;
    static final int MIN_OUTPUT = 4;

    private WinogradConvolution() {}

    static boolean suits(long inChannels, long outChannels, long kernel, long stride, long outHeight, long outWidth) {
        return (kernel == 3 || kernel == 5) && stride == 1 && inChannels >= MIN_CHANNELS
                && outChannels >= MIN_CHANNELS && outHeight >= MIN_OUTPUT && outWidth >= MIN_OUTPUT;
    }
}
