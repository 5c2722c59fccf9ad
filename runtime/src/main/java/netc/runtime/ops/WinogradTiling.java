package netc.runtime.ops;

import netc.runtime.cl.Defines;

/**
 * How F(tile x tile, 3 x 3) Winograd filtering covers one 3x3 stride-1 convolution: each image's output
 * in {@code tile x tile} blocks (the last row and column of blocks ragged), each block computed from the
 * {@code alpha x alpha} input patch under it ({@code alpha = tile + 2}), as {@code alpha²} independent
 * channel products. The sizes {@code winograd.cl} and {@link WinogradConv2d} share.
 */
record WinogradTiling(ConvGeometry geometry, int tile) {
    WinogradTiling {
        if (geometry.kernel() != 3 || geometry.stride() != 1) {
            throw new IllegalArgumentException("Winograd convolution: only 3x3 kernels with stride 1 are supported, got "
                    + geometry.kernel() + "x" + geometry.kernel() + " stride " + geometry.stride()
                    + "; use Conv2d (or Convolutions.create, which picks it) for this layer.");
        }
        if (tile != 2 && tile != 4) {
            throw new IllegalArgumentException("Winograd convolution: the output tile must be 2 or 4, got " + tile);
        }
    }

    int alpha() {
        return tile + 2;
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
     * convolution's {@code 9 · tile²} per tile: the saving the transforms must pay for.
     */
    double productMultiplyAdds() {
        return (double) elements() * geometry.outChannels() * geometry.inChannels() * tilesPerImage() * geometry.batch();
    }

    /** {@code winograd.cl}'s defines for chunks of {@code images} images. */
    Defines defines(int images) {
        return Defines.of().set("TILE", tile).set("B", images).set("C", geometry.inChannels())
                .set("CO", geometry.outChannels()).set("H", geometry.inHeight()).set("W", geometry.inWidth())
                .set("PAD", geometry.padding());
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }
}
