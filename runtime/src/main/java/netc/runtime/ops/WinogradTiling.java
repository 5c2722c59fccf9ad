package netc.runtime.ops;

import netc.runtime.cl.Defines;

/**
 * How F(tile x tile, k x k) Winograd filtering covers one stride-1 convolution with a 3x3 or 5x5 kernel:
 * each image's output in {@code tile x tile} blocks (the last row and column of blocks ragged), each
 * block computed from the {@code alpha x alpha} input patch under it ({@code alpha = tile + k - 1}), as
 * {@code alpha²} independent channel products. The sizes {@code winograd.cl} and {@link WinogradConv2d} share.
 *
 * <p>The {@code alpha²} matrices of U, V and M lie one after another, each starting {@link #planeFloats}
 * after the previous one: the transforms read or write one element of every matrix per tile, and
 * matrices a multiple of 4 KiB apart (e.g. conv2's M, 256 channels x 676 tiles x 4 bytes = 169 x 4 KiB)
 * make those 36 streams share one cache set and evict each other.
 */
record WinogradTiling(ConvGeometry geometry, int tile) {
    /**
     * The floats of one chunk's V (or M) from which the transforms that write it store non-temporally
     * ({@code winograd.cl}'s STREAM_V and STREAM_M): 8 MiB, a quarter of the Zen 4's 32 MiB L3, which the
     * development machine's two cores share with other jobs. Larger chunks leave the caches before the
     * next kernel reads them, so reading each line in before overwriting it only doubles the traffic: on
     * AlexNet's conv2 (V 9.6 MB, M 25.7 MB per chunk of 8 images) the input transform took 9.5-11.6 ms
     * instead of 13.1-18.3 and dM's 20-32 instead of 39-62 (three alternating runs of ConvTiming --stages,
     * PoCL, load ~6; docs/PERFORMANCE.md). A pass over 8 MiB ran at 22 GB/s there and one over 32 MiB at
     * 7.5 (memory), so smaller chunks, which the next kernel may still find in L3, store as usual.
     */
    static final long STREAM_MIN_FLOATS = 2L << 20;
    /** Floats in a 64-byte cache line: matrices start on whole lines. */
    static final int FLOATS_PER_LINE = 16;
    /**
     * The widest channel vector of the transforms: AVX-512's 16 floats. On PoCL (Zen 4) 8 lanes ran no
     * faster on conv2's shape (docs/measurements/session-2026-12-03c-alexnet.txt).
     */
    static final int MAX_LANES = 16;

    WinogradTiling {
        int kernel = geometry.kernel();
        if ((kernel != 3 && kernel != 5) || geometry.stride() != 1) {
            throw new IllegalArgumentException("Winograd convolution: only 3x3 and 5x5 kernels with stride 1 are"
                    + " supported, got " + kernel + "x" + kernel + " stride " + geometry.stride()
                    + "; use Conv2d (or Convolutions.create, which picks it) for this layer.");
        }
        if (tile != 2 && tile != 4 && !(tile == 6 && kernel == 3)) {
            throw new IllegalArgumentException("Winograd convolution: the output tile must be 2 or 4 (or 6 for 3x3),"
                    + " got " + tile + " for " + kernel + "x" + kernel + "; winograd.cl has F(2x2) and F(4x4) for 3x3"
                    + " and 5x5 kernels and F(6x6) for 3x3.");
        }
    }

    /**
     * The tile {@link WinogradConv2d} uses for a {@code kernel x kernel} filter: F(4x4, 3x3) and F(4x4, 5x5).
     * For 5x5, 4x4 tiles do 64 products per 16 outputs against F(2x2, 5x5)'s 36 per 4: AlexNet's conv2 at
     * batch 64 ran in 226-277 ms forward and 385-501 ms backward against 424-454 and 707-754 ms (three
     * alternating runs each, shared 2-core Zen 4), with float32 error 7.1e-6 against 5.8e-6 (WinogradConv2dTest).
     */
    static int defaultTile(int kernel) {
        return 4;
    }

    /**
     * The tile for a layer of this geometry: 2 where the output is under 8 rows or columns, 6 for wide 3x3
     * layers that 6x6 tiles cover with fewer multiplies ({@link #suitsSixBySix}), else {@link #defaultTile}.
     * Under 8 rows or columns, 4x4 tiles leave most of their second tile empty (a 6x6 output takes four 4x4
     * tiles, 16 outputs of which 12 are padding, against nine full 2x2 tiles): ResNet-18's 256 → 256 channels on 6x6 at
     * batch 16 took 8.5 ms per training step with F(2x2, 3x3) against 17.5 with F(4x4, 3x3), while at 12x12
     * (128 channels) they tied, 8.4 against 8.2, and at 24x24 (64 channels) 4x4 won, 6.5 against 14.1
     * (ConvTiming on PoCL, Zen 4, 2026-12-03; docs/PERFORMANCE.md).
     */
    static int tileFor(ConvGeometry geometry) {
        if (Math.min(geometry.outHeight(), geometry.outWidth()) < 8) {
            return 2;
        }
        return suitsSixBySix(geometry) ? 6 : defaultTile(geometry.kernel());
    }

    /**
     * Channels (in and out) from which a 3x3 layer may take F(6x6, 3x3): its products then dominate the
     * step, so fewer multiplies pay for the larger transforms and the narrower products (a quarter fewer
     * tiles). At batch 16 on ResNet-18's 64- and 128-channel shapes (24x24, 12x12) F(6x6) was no faster
     * than F(4x4); on AlexNet's 256- and 384-channel 12x12 layers at batch 64 it was (WinogradTileTiming,
     * docs/PERFORMANCE.md).
     */
    static final int SIX_BY_SIX_MIN_CHANNELS = 256;
    /** The least saving in multiplies, against F(4x4, 3x3), for which F(6x6, 3x3)'s larger float32 error is taken. */
    static final double SIX_BY_SIX_MIN_SAVING = 0.1;

    /**
     * Whether a 3x3 layer takes F(6x6, 3x3): wide enough ({@link #SIX_BY_SIX_MIN_CHANNELS}) and covered by 6x6
     * tiles with at least {@link #SIX_BY_SIX_MIN_SAVING} fewer multiplies than by 4x4 ones (64 per 6x6 tile
     * against 36 per 4x4; AlexNet's 12x12: 4 tiles against 9, 256 multiplies against 324 per channel pair).
     */
    private static boolean suitsSixBySix(ConvGeometry geometry) {
        if (geometry.kernel() != 3 || Math.min(geometry.inChannels(), geometry.outChannels()) < SIX_BY_SIX_MIN_CHANNELS) {
            return false;
        }
        long sixBySix = 64L * ceilDiv(geometry.outHeight(), 6) * ceilDiv(geometry.outWidth(), 6);
        long fourByFour = 36L * ceilDiv(geometry.outHeight(), 4) * ceilDiv(geometry.outWidth(), 4);
        return sixBySix <= (1 - SIX_BY_SIX_MIN_SAVING) * fourByFour;
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

    /** Floats of the transformed input V (or product M with {@code channels} = outChannels) per image, unpadded. */
    long transformedFloatsPerImage(int channels) {
        return (long) elements() * channels * tilesPerImage();
    }

    /**
     * The distance in floats from one of the {@code alpha²} matrices of {@code matrixFloats} to the next:
     * whole cache lines, an odd number of them, so that consecutive matrices start on different sets of
     * every power-of-two-set cache and the transforms' 36 streams do not evict each other (conv2's output
     * transform took 8.2 ms per 4-image chunk with its M matrices 169 x 4 KiB apart, 1.3 ms with 255
     * channels instead of 256; PoCL, Zen 4). Costs at most 31 floats per matrix.
     */
    static long planeFloats(long matrixFloats) {
        long lines = (matrixFloats + FLOATS_PER_LINE - 1) / FLOATS_PER_LINE;
        return (lines % 2 == 0 ? lines + 1 : lines) * FLOATS_PER_LINE;
    }

    /** Floats from one ξ's matrix of V ({@code [channels][tiles]}, M with outChannels) to the next's, for {@code images}. */
    long transformedPlaneFloats(int channels, int images) {
        return planeFloats((long) channels * images * tilesPerImage());
    }

    /** Floats of V (M with {@code channels} = outChannels) for a chunk of {@code images}: {@code alpha²} planes. */
    long transformedFloats(int channels, int images) {
        return elements() * transformedPlaneFloats(channels, images);
    }

    /** Floats from one ξ's {@code [outChannels][inChannels]} matrix of U to the next's. */
    long filterPlaneFloats() {
        return planeFloats((long) geometry.outChannels() * geometry.inChannels());
    }

    /** Floats of the transformed filters U (and dU): {@code alpha²} planes. */
    long filterFloats() {
        return elements() * filterPlaneFloats();
    }

    /**
     * Multiply-adds of the {@code alpha²} channel products for the whole batch, against the direct
     * convolution's {@code k² · tile²} per tile: the saving the transforms must pay for.
     */
    double productMultiplyAdds() {
        return (double) elements() * geometry.outChannels() * geometry.inChannels() * tilesPerImage() * geometry.batch();
    }

    /**
     * The channels one transform work-item handles as the lanes of a vector: the largest of 16, 8, 4, 2 and 1
     * (at most {@link #MAX_LANES}) dividing {@code channels}, so that no vector runs past the last channel.
     */
    static int lanes(int channels) {
        int lanes = MAX_LANES;
        while (channels % lanes != 0) {
            lanes /= 2;
        }
        return lanes;
    }

    /**
     * {@code winograd.cl}'s defines for chunks of {@code images} images, the input transform's stores to V,
     * dM's transform's to M and the filter transforms' to U non-temporal where the chunk's V or M, or U, holds
     * at least {@code streamMinFloats} ({@link #STREAM_MIN_FLOATS} in a network).
     */
    Defines defines(int images, long streamMinFloats) {
        return Defines.of().set("TILE", tile).set("K", geometry.kernel()).set("B", images).set("C", geometry.inChannels())
                .set("CO", geometry.outChannels()).set("CV", lanes(geometry.inChannels()))
                .set("COV", lanes(geometry.outChannels())).set("H", geometry.inHeight()).set("W", geometry.inWidth())
                .set("PAD", geometry.padding()).set("U_PLANE", filterPlaneFloats())
                .set("V_PLANE", transformedPlaneFloats(geometry.inChannels(), images))
                .set("M_PLANE", transformedPlaneFloats(geometry.outChannels(), images))
                .set("STREAM_V", transformedFloats(geometry.inChannels(), images) >= streamMinFloats)
                .set("STREAM_M", transformedFloats(geometry.outChannels(), images) >= streamMinFloats)
                .set("STREAM_U", filterFloats() >= streamMinFloats);
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }
}
