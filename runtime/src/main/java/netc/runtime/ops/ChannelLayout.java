package netc.runtime.ops;

import netc.runtime.cl.Defines;

/**
 * Where element {@code (image b, channel co, position p)} of a layer's result sits in a GEMM buffer:
 * at {@code co·channelStride + b·batchStride + p}. Lets the bias, activation and bias-gradient kernels
 * read or write either the layer's own NCHW layout or the channel-major layout a batched convolution
 * GEMM uses, so no separate transpose pass is needed.
 */
record ChannelLayout(long channelStride, long batchStride) {
    /** {@code [B][CO][P]}: the layer's own (NCHW or {@code (N, features)}) layout. */
    static ChannelLayout imageMajor(int channels, int positions) {
        return new ChannelLayout(positions, (long) channels * positions);
    }

    /** {@code [CO][B][P]}: what {@code weight · col} produces for a chunk of {@code images} images. */
    static ChannelLayout channelMajor(int images, int positions) {
        return new ChannelLayout((long) images * positions, positions);
    }

    Defines defines(String prefix) {
        return Defines.of().set(prefix + "_CHANNEL_STRIDE", channelStride).set(prefix + "_BATCH_STRIDE", batchStride);
    }
}
