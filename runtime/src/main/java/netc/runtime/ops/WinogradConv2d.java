package netc.runtime.ops;

import java.util.List;
import netc.Activation;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Scratch;
import netc.runtime.cl.ScratchSource;
import netc.runtime.cl.Tensor;
import netc.runtime.model.DeviceMemory;
import netc.runtime.model.Parameter;

/**
 * A 3x3 or 5x5 stride-1 convolution with a fused activation computed by Winograd minimal filtering
 * F(4x4, 3x3) or F(4x4, 5x5); F(2x2, ·) where the output is under 8 rows or columns, F(6x6, 3x3) for wide
 * layers that 6x6 tiles cover with fewer multiplies ({@link WinogradTiling#tileFor})
 * (Lavin & Gray 2016; kernels and layouts in {@code winograd.cl}): the same layer,
 * constructor arguments and parameters as {@link Conv2d}, with 4x fewer multiplies in its products for 3x3
 * (36 per 4x4 output tile and channel pair instead of 144; 5.1x with 6x6 tiles, 64 instead of 324) and
 * 6.25x for 5x5 (64 instead of 400).
 *
 * <p>Forward per chunk of images: the filters are transformed once, {@code U = G g Gᵀ}
 * ({@code [α²][C][Co]}, α = 4, 6 or 8), the input tiles {@code V = Bᵀ d B} ({@code [α²][tiles][C]}), then one
 * batched GEMM of the α² products {@code M[ξ] = V[ξ] · U[ξ]} ({@code [tiles][Co]}) and the output transform
 * {@code Aᵀ M A} fused with bias and activation.
 * Backward per chunk: {@code dM = A dz Aᵀ} (with {@code dz}, the gradient through the activation, formed as it
 * is read), the bias gradient (from dM: see {@code winograd_bias_gradient}),
 * {@code dU[ξ] (+)= V[ξ]ᵀ · dM[ξ]}, {@code dV[ξ] = dM[ξ] · U[ξ]} (U then transformed as {@code [α²][Co][C]}),
 * each one GEMM batched over ξ, and dV's adjoint input transform, which sums the overlapping tiles; after the
 * last chunk {@code dWeight = Gᵀ dU G}.
 *
 * <p>Float32 error: the transforms scale values by up to 8 and 1/24 and then cancel, so results carry
 * more rounding than direct convolution: on AlexNet's conv4 shape (384 → 384 channels, 12x12, batch 2)
 * with Xavier-scale weights and unit inputs, the largest error relative to the largest value is 1.2e-5
 * for the output and 8.2e-6 for the input gradient (7.5e-6 in the channel-major layouts before, which
 * summed in another order), against 2.5e-6 and 4.7e-7 for {@link Conv2d}; F(4x4, 5x5) on conv2's
 * (96 → 256, 13x13, batch 1) 7.1e-6 and 7.5e-6, against 1.9e-6 and 3.9e-7 (and F(2x2, 5x5)'s 5.8e-6 and
 * 6.1e-6) (measured in {@code WinogradConv2dTest}; docs/PERFORMANCE.md).
 *
 * <p>As {@link Conv2d} keeps its columns, the forward keeps every chunk's V for the backward when the
 * batch's fit {@link Conv2d#DEFAULT_RETAINED_BUDGET}.
 */
public final class WinogradConv2d implements Convolution {

    private final String name;
    private final ConvGeometry geometry;
    private final WinogradTiling tiling;
    private final int imagesPerChunk;
    private final int chunks;
    private final Parameter weight;
    private final Parameter bias;
    private final WinogradTransforms transforms;
    private final Gemm forwardProduct;
    private final Gemm firstFilterGradient;
    private final Gemm laterFilterGradient;
    private final Gemm inputProductGradient;
    /** U: transformed in the forward, and again in a backward that needs dV, as the weights may have changed since. */
    private final Buffer filters;
    private final Buffer filterGradients;
    /** Chunk c's V starts at {@code c · transformedInputFloatsPerChunk}: all chunks when retained, else one scratch chunk. */
    private final Buffer transformedInput;
    private final boolean retainsTransformedInput;
    private final long transformedInputFloatsPerChunk;
    /** M in the forward, dM in the backward, for one chunk. */
    private final Buffer product;
    /** The input whose V {@code transformedInput} holds for the backward; null when none does. */
    private Tensor transformedFrom;
    /** Told after each stage is enqueued (timing harnesses only). */
    private StageTimer stages = StageTimer.NONE;

    public WinogradConv2d(Device device, String name, int batch, int inChannels, int inHeight, int inWidth,
                          int outChannels, int kernel, int stride, int padding, Activation activation) {
        this(device, name, new ConvGeometry(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding),
                activation, ScratchSource.own(device));
    }

    /** As the constructor above, with its per-call buffers taken from the model's shared {@code scratch}. */
    public WinogradConv2d(Device device, String name, int batch, int inChannels, int inHeight, int inWidth,
                          int outChannels, int kernel, int stride, int padding, Activation activation, Scratch scratch) {
        this(device, name, new ConvGeometry(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding),
                activation, scratch.lease());
    }

    /** With the tile {@link WinogradTiling#tileFor} picks for the geometry and the default budgets. */
    private WinogradConv2d(Device device, String name, ConvGeometry geometry, Activation activation,
                           ScratchSource scratch) {
        this(device, name, geometry, activation, WinogradTiling.tileFor(geometry), Conv2d.DEFAULT_COLUMN_BUDGET,
                Conv2d.DEFAULT_RETAINED_BUDGET, WinogradTiling.STREAM_MIN_FLOATS, scratch);
    }

    /**
     * As the public constructor with output tile {@code tile} (2 or 4, or 6 for 3x3), one chunk's V and M each limited to
     * {@code chunkBudget} floats and V kept for the backward only if the batch's fits {@code retainedBudget}.
     */
    WinogradConv2d(Device device, String name, ConvGeometry geometry, Activation activation, int tile,
                   long chunkBudget, long retainedBudget) {
        this(device, name, geometry, activation, tile, chunkBudget, retainedBudget, WinogradTiling.STREAM_MIN_FLOATS);
    }

    /**
     * As above, with the transforms storing a chunk's V or M non-temporally from {@code streamMinFloats} floats
     * (tests pass 0 to run those stores on small shapes; timing harnesses compare).
     */
    WinogradConv2d(Device device, String name, ConvGeometry geometry, Activation activation, int tile,
                   long chunkBudget, long retainedBudget, long streamMinFloats) {
        this(device, name, geometry, activation, tile, chunkBudget, retainedBudget, streamMinFloats,
                ScratchSource.own(device));
    }

    private WinogradConv2d(Device device, String name, ConvGeometry geometry, Activation activation, int tile,
                           long chunkBudget, long retainedBudget, long streamMinFloats, ScratchSource scratch) {
        this.name = name;
        this.geometry = geometry;
        this.tiling = new WinogradTiling(geometry, tile);
        Chunking chunking = Chunking.of(tiling, chunkBudget, retainedBudget);
        this.imagesPerChunk = chunking.imagesPerChunk();
        this.chunks = chunking.chunks();
        int inChannels = geometry.inChannels();
        int outChannels = geometry.outChannels();
        int tiles = imagesPerChunk * tiling.tilesPerImage();

        this.transforms = new WinogradTransforms(device, tiling, imagesPerChunk, activation, streamMinFloats);
        this.forwardProduct = new Gemm(device, forwardShape(geometry, tiles), forwardBatch(tiling, imagesPerChunk),
                scratch);
        GemmBatch filterGradientBatch = filterGradientBatch(tiling, imagesPerChunk);
        this.firstFilterGradient = new Gemm(device, filterGradientShape(geometry, tiles, false), filterGradientBatch,
                scratch);
        // Only a batch split into several chunks sums filter gradients across GEMMs; skip that build otherwise.
        this.laterFilterGradient = chunks > 1
                ? new Gemm(device, filterGradientShape(geometry, tiles, true), filterGradientBatch, scratch)
                : firstFilterGradient;
        this.inputProductGradient = new Gemm(device, inputGradientShape(geometry, tiles),
                inputGradientBatch(tiling, imagesPerChunk), scratch);

        // Device memory last, so that a kernel that fails to build leaves nothing allocated.
        int kernel = geometry.kernel();
        int kk = kernel * kernel;
        this.weight = new Parameter(device, name + ".weight", Parameter.Kind.WEIGHT,
                new int[] {outChannels, inChannels, kernel, kernel}, inChannels * kk, outChannels * kk);
        this.bias = new Parameter(device, name + ".bias", Parameter.Kind.BIAS, new int[] {outChannels},
                inChannels * kk, outChannels * kk);
        // U and dU are made anew in every call, as are V (unless kept for the backward) and M: scratch.
        this.filters = scratch.take(tiling.filterFloats());
        this.filterGradients = scratch.take(tiling.filterFloats());
        this.transformedInputFloatsPerChunk = chunking.inputFloatsPerChunk();
        this.retainsTransformedInput = chunking.retainsInput();
        this.transformedInput = retainsTransformedInput ? Buffer.allocate(device, chunking.inputFloats())
                : scratch.take(chunking.inputFloats());
        this.product = scratch.take(chunking.productFloatsPerChunk());
    }

    /**
     * The device memory a Winograd convolution of these shapes allocates, as the public constructor sizes
     * it: weight and bias (their gradients come with the first backward: {@link Parameter}), U and dU, V (the
     * batch's when retained), M and the GEMMs' packing scratch (see {@link Gemm#deviceMemory}). Nothing is
     * allocated.
     */
    public static DeviceMemory deviceMemory(int batch, int inChannels, int inHeight, int inWidth, int outChannels,
                                            int kernel, int stride, int padding) {
        ConvGeometry geometry = new ConvGeometry(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding);
        WinogradTiling tiling = new WinogradTiling(geometry, WinogradTiling.tileFor(geometry));
        Chunking chunking = Chunking.of(tiling, Conv2d.DEFAULT_COLUMN_BUDGET, Conv2d.DEFAULT_RETAINED_BUDGET);
        int tiles = chunking.imagesPerChunk() * tiling.tilesPerImage();
        DeviceMemory parameters = DeviceMemory.floats((long) outChannels * inChannels * kernel * kernel)
                .plus(DeviceMemory.floats(outChannels));
        // The filter and input gradients' GEMMs are batched over ξ, so they pack nothing (Gemm.deviceMemory).
        return parameters
                .plus(DeviceMemory.scratchFloats(tiling.filterFloats()).times(2))
                .plus(chunking.retainsInput() ? DeviceMemory.floats(chunking.inputFloats())
                        : DeviceMemory.scratchFloats(chunking.inputFloats()))
                .plus(DeviceMemory.scratchFloats(chunking.productFloatsPerChunk()))
                .plus(Gemm.deviceMemory(forwardShape(geometry, tiles), forwardBatch(tiling, chunking.imagesPerChunk())))
                .plus(Gemm.deviceMemory(filterGradientShape(geometry, tiles, false),
                        filterGradientBatch(tiling, chunking.imagesPerChunk())))
                .plus(Gemm.deviceMemory(inputGradientShape(geometry, tiles),
                        inputGradientBatch(tiling, chunking.imagesPerChunk())));
    }

    /*
     * Every product runs as one GEMM batched over all ξ per chunk, on the tile-major layouts of winograd.cl
     * (V[ξ][t][c], M[ξ][t][co], U[ξ][c][co] forward and U[ξ][co][c] backward), where each is NN or TN: its
     * operands are contiguous along their rows, so no packing (which batches cannot have) is needed. With
     * the channel-major layouts before, dU[ξ] = dM[ξ] V[ξ]ᵀ was NT and ran per ξ with V[ξ] packed transposed
     * first: conv2's backward at batch 64 launched 1536 GEMM and packing kernels, at ~50 µs each on PoCL
     * (Zen 4), and its products took 137 ms (dU) and 101 ms (dV) of its 329 (ConvTiming --stages).
     */
    private static GemmShape forwardShape(ConvGeometry g, int tiles) {
        return new GemmShape(false, false, tiles, g.outChannels(), g.inChannels(), false);
    }

    /** M[ξ] = V[ξ] · U[ξ]: A is V, B is U (channels last), C is M. */
    private static GemmBatch forwardBatch(WinogradTiling tiling, int images) {
        ConvGeometry g = tiling.geometry();
        return new GemmBatch(tiling.elements(), tiling.transformedPlaneFloats(g.inChannels(), images),
                tiling.filterPlaneFloats(), tiling.transformedPlaneFloats(g.outChannels(), images));
    }

    /** dU[ξ] (+)= V[ξ]ᵀ · dM[ξ], {@code [C][Co]}: TN over the chunk's tiles. */
    private static GemmShape filterGradientShape(ConvGeometry g, int tiles, boolean accumulate) {
        return new GemmShape(true, false, g.inChannels(), g.outChannels(), tiles, accumulate);
    }

    /** A is V, B is dM, C is dU. */
    private static GemmBatch filterGradientBatch(WinogradTiling tiling, int images) {
        ConvGeometry g = tiling.geometry();
        return new GemmBatch(tiling.elements(), tiling.transformedPlaneFloats(g.inChannels(), images),
                tiling.transformedPlaneFloats(g.outChannels(), images), tiling.filterPlaneFloats());
    }

    /** dV[ξ] = dM[ξ] · U[ξ], U with output channels first: NN. */
    private static GemmShape inputGradientShape(ConvGeometry g, int tiles) {
        return new GemmShape(false, false, tiles, g.inChannels(), g.outChannels(), false);
    }

    /** A is dM, B is U (output channels first), C is dV. */
    private static GemmBatch inputGradientBatch(WinogradTiling tiling, int images) {
        ConvGeometry g = tiling.geometry();
        return new GemmBatch(tiling.elements(), tiling.transformedPlaneFloats(g.outChannels(), images),
                tiling.filterPlaneFloats(), tiling.transformedPlaneFloats(g.inChannels(), images));
    }

    /** How the batch is split, and whether the forward's V is kept for the backward. */
    private record Chunking(int imagesPerChunk, int chunks, long inputFloatsPerChunk, long productFloatsPerChunk,
                            boolean retainsInput) {
        static Chunking of(WinogradTiling tiling, long chunkBudget, long retainedBudget) {
            ConvGeometry g = tiling.geometry();
            long perImage = Math.max(tiling.transformedFloatsPerImage(g.inChannels()),
                    tiling.transformedFloatsPerImage(g.outChannels()));
            int images = Conv2d.imagesPerChunk(g.batch(), perImage, chunkBudget);
            int chunks = g.batch() / images;
            // The padding between V's (and M's) matrices, under 32 floats each, is not counted against the budget.
            long inputPerChunk = tiling.transformedFloats(g.inChannels(), images);
            return new Chunking(images, chunks, inputPerChunk, tiling.transformedFloats(g.outChannels(), images),
                    chunks * inputPerChunk <= retainedBudget);
        }

        /** The V buffer: every chunk's when retained, else one chunk's scratch. */
        long inputFloats() {
            return (retainsInput ? chunks : 1) * inputFloatsPerChunk;
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** Images per chunk (a divisor of the batch). */
    int imagesPerChunk() {
        return imagesPerChunk;
    }

    /** Whether the forward keeps every chunk's V for the backward. */
    boolean retainsTransformedInput() {
        return retainsTransformedInput;
    }

    /** Has {@code timer} told after each stage this op enqueues, for per-stage timings (ConvTiming). */
    void timeStages(StageTimer timer) {
        this.stages = timer;
    }

    @Override
    public void forward(Tensor output, Tensor input) {
        geometry.requireInput(input, label(), "input");
        geometry.requireOutput(output, label(), "output");
        transforms.filter(filters, weight.value().buffer());
        stages.mark("filter transform");
        for (int chunk = 0; chunk < chunks; chunk++) {
            long vOffset = transformedInputOffset(chunk);
            transforms.input(transformedInput, vOffset, input.buffer(), geometry.inputOffset(chunk * imagesPerChunk));
            stages.mark("input transform");
            forwardProduct.run(product, 0, transformedInput, vOffset, filters, 0); // every ξ
            stages.mark("M = V U");
            transforms.output(output.buffer(), geometry.outputOffset(chunk * imagesPerChunk), product, 0,
                    bias.value().buffer());
            stages.mark("output transform");
        }
        transformedFrom = retainsTransformedInput ? input : null;
    }

    @Override
    public void backward(Tensor dInput, Tensor dOutput, Tensor input, Tensor output) {
        geometry.requireBackward(dInput, dOutput, input, output, label());
        // Identity, not content: a forward on another tensor since then leaves V of the wrong input.
        boolean transformedReady = transformedFrom == input;
        if (dInput != null) {
            transforms.filterByOutputChannel(filters, weight.value().buffer());
            stages.mark("filter transform");
        }
        for (int chunk = 0; chunk < chunks; chunk++) {
            boolean first = chunk == 0;
            long vOffset = transformedInputOffset(chunk);
            long outOffset = geometry.outputOffset(chunk * imagesPerChunk);
            // dz = dOutput through the activation's slope (output null: dOutput is dz already) within dM's transform.
            transforms.outputGradient(product, 0, dOutput.buffer(), output != null ? output.buffer() : null, outOffset);
            stages.mark("dM = A dz Aᵀ");
            transforms.biasGradient(bias.grad().buffer(), product, 0, !first);
            stages.mark("bias gradient");
            if (!transformedReady) {
                transforms.input(transformedInput, vOffset, input.buffer(),
                        geometry.inputOffset(chunk * imagesPerChunk));
                stages.mark("input transform");
            }
            Gemm filterGradient = first ? firstFilterGradient : laterFilterGradient;
            filterGradient.run(filterGradients, 0, transformedInput, vOffset, product, 0); // every ξ
            stages.mark("dU (+)= Vᵀ dM");
            if (dInput != null) {
                // The in-order queue has finished reading V for dU before dV overwrites it.
                inputProductGradient.run(transformedInput, vOffset, product, 0, filters, 0); // every ξ
                stages.mark("dV = dM U");
                transforms.inputGradient(dInput.buffer(), geometry.inputOffset(chunk * imagesPerChunk),
                        transformedInput, vOffset);
                stages.mark("input gradient transform");
            }
        }
        transforms.filterGradient(weight.grad().buffer(), filterGradients);
        stages.mark("dW = Gᵀ dU G");
        if (dInput != null) {
            transformedFrom = null; // dV overwrote V: another backward must transform the input again
        }
    }

    private long transformedInputOffset(int chunk) {
        return retainsTransformedInput ? chunk * transformedInputFloatsPerChunk : 0;
    }

    private String label() {
        return "WinogradConv2d '" + name + "'";
    }

    @Override
    public void close() {
        // try-with-resources closes every one, even if one fails; a null resource is skipped
        Gemm separateLaterGradient = laterFilterGradient != firstFilterGradient ? laterFilterGradient : null;
        try (weight; bias; filters; filterGradients; transformedInput; product; forwardProduct; firstFilterGradient;
                inputProductGradient; separateLaterGradient) {
            // nothing more to release
        }
    }
}
