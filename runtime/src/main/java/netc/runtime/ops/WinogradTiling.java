package netc.runtime.ops;

import netc.runtime.cl.Defines;

/**
 * How F(tile x tile, k x k) Winograd filtering covers one stride-1 convolution with a 3x3 or 5x5 kernel:
 * each image's output in {@code tile x tile} blocks (the last row and column of blocks ragged), each
 * block computed from the {@code alpha x alpha} input patch under it ({@code alpha = tile + k - 1}), as
 * {@code alpha²} independent channel products. The sizes {@code winograd.cl} and {@link WinogradConv2d} share.
 */
record WinogradTiling(ConvGeometry geometry, int tile) {
    WinogradTiling {
        int kernel = geometry.kernel();
        if ((kernel != 3 && kernel != 5) || geometry.stride() != 1) {
            throw new IllegalArgumentException("Winograd convolution: only 3x3 and 5x5 kernels with stride 1 are"
                    + " supported, got " + kernel + "x" + kernel + " stride " + geometry.stride()
                    + "; use Conv2d (or Convolutions.create, which picks it) for this layer.");
        }
        if (kernel == 3 ? tile != 2 && tile != 4 : tile != 2) {
            throw new IllegalArgumentException("Winograd convolution: the output tile must be 2 or 4 for 3x3 kernels"
                    + " and 2 for 5x5 ones, got " + tile + " for " + kernel + "x" + kernel);
        }
    }

    /** The tile {@link WinogradConv2d} uses for a {@code kernel x kernel} filter: F(4x4, 3x3), F(2x2, 5x5). */
    static int defaultTile(int kernel) {
        return kernel == 5 ? 2 : 4;
    }

    int alpha() {
        return tile + geometry.kernel() - 1;
    }

    /** The transformed elements, one channel product each: {@code alpha²}. */
    int elements() {
        return alpha() * alpha();
    }

    int tilesPerImage() {
        return ceilDiv(geometry.outHeight(), tile) * ceilDiv(geometry.outWidth(), tile);
    }

    /**
     * The input-gradient gather's blocks per image: {@code tile x tile} inputs each, starting at the
     * padding's first row and column, enough to cover the input.
     */
    int inputBlocksPerImage() {
        int padding = geometry.padding();
        return ceilDiv(geometry.inHeight() + padding, tile) * ceilDiv(geometry.inWidth() + padding, tile);
    }

    /** Floats of the transformed input V (or product M with {@code channels} = outChannels) per image. */
    long transformedFloatsPerImage(int channels) {
        return (long) elements() * channels * tilesPerImage();
    }

    /** Floats of the transformed filters U: {@code alpha² · outChannels · inChannels}. */
    long filterFloats() {
        return (long) elements() * geometry.outChannels() * geometry.inChannels();
    }

    /**
     * Multiply-adds of the {@code alpha²} channel products for the whole batch, against the direct
     * convolution's {@code k² · tile²} per tile: the saving the transforms must pay for.
     */
    double productMultiplyAdds() {
        return (double) elements() * geometry.outChannels() * geometry.inChannels() * tilesPerImage() * geometry.batch();
    }

    /** {@code winograd.cl}'s defines for chunks of {@code images} images. */
    Defines defines(int images) {
        return Defines.of().set("TILE", tile).set("K", geometry.kernel()).set("B", images).set("C", geometry.inChannels())
                .set("CO", geometry.outChannels()).set("H", geometry.inHeight()).set("W", geometry.inWidth())
                .set("PAD", geometry.padding());
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }
}
