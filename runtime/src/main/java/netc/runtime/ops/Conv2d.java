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
 * A 2-D convolution with a square kernel and a fused activation, specialised to its shapes:
 * input {@code (N, inChannels, inHeight, inWidth)}, output {@code (N, outChannels, outHeight, outWidth)}
 * with {@code out = floor((in + 2·padding − kernel) / stride) + 1}. Parameters: {@code name.weight}
 * {@code [outChannels, inChannels, kernel, kernel]} and {@code name.bias} {@code [outChannels]}.
 *
 * <p>Tensors passed in need at least the size their role requires (a larger shared workspace is fine).
 *
 * <p>Lowered to GEMM over chunks of images: im2col turns a chunk into {@code col [C·k², B·Ho·Wo]}, then
 * {@code weight · col} gives the chunk's pre-activations channel-major ({@code [Co][B][Ho·Wo]}), and the
 * bias/activation epilogue writes them back in NCHW. Backward per chunk: {@code dz} (channel-major),
 * {@code dWeight (+)= dz · colᵀ}, {@code dBias (+)= Σ dz}, {@code dCol = weightᵀ · dz}, col2im.
 *
 * <p>When every chunk's columns fit a retained budget ({@link #DEFAULT_RETAINED_BUDGET}: none by default),
 * the forward keeps them all and the backward skips its im2col (and writes {@code dCol} over the chunk's
 * spent columns); otherwise they are scratch, unfolded again in the backward.
 */
public final class Conv2d implements Convolution {
    /**
     * The most floats the im2col matrix of one chunk may take (32 MiB): large enough for GEMMs with
     * thousands of columns on AlexNet-sized layers, small enough that every layer can own its scratch.
     */
    static final long DEFAULT_COLUMN_BUDGET = 8L << 20;
    /**
     * The most floats a layer may hold to keep the whole batch's im2col matrix (or Winograd's V) from
     * forward to backward: none. The trade was that memory for the whole step against one im2col or
     * input transform per chunk in every backward. Measured on AlexNet at batch 64 (Zen 4, PoCL), keeping
     * them held 336 MB (conv1's columns 90, conv2's V 150, conv3-5's 32 each) and the step ran no faster:
     * 55.9 images/s keeping, 58.8 redoing, within the run-to-run spread; conv2's backward grew by ~13 ms.
     * Tests still exercise keeping through the package-private constructors.
     */
    static final long DEFAULT_RETAINED_BUDGET = 0;

    private final String name;
    private final ConvGeometry geometry;
    private final int imagesPerChunk;
    private final int chunks;
    private final Parameter weight;
    private final Parameter bias;
    /** Chunk c's columns start at {@code c · columnFloatsPerChunk}: all chunks when retained, else one scratch chunk. */
    private final Buffer columns;
    private final boolean retainsColumns;
    private final long columnFloatsPerChunk;
    /** The input whose columns {@code columns} holds for the backward; null when none does. */
    private Tensor columnsInput;
    private final Buffer product;
    private final Im2col im2col;
    private final Col2im col2im;
    private final Gemm forwardProduct;
    private final Gemm firstWeightGradient;
    private final Gemm laterWeightGradient;
    private final Gemm columnGradient;
    private final BiasActivation biasActivation;
    private final ActivationGradient activationGradient;
    /** For a backward whose dOutput is already through the activation: built on the first such call. */
    private final BuiltOnFirstUse<ActivationGradient> preactivationCopy;
    private final BiasGradient biasGradient;

    public Conv2d(Device device, String name, int batch, int inChannels, int inHeight, int inWidth,
                  int outChannels, int kernel, int stride, int padding, Activation activation) {
        this(device, name, new ConvGeometry(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding),
                activation, DEFAULT_COLUMN_BUDGET, DEFAULT_RETAINED_BUDGET, ScratchSource.own(device));
    }

    /** As the constructor above, with its per-call buffers taken from the model's shared {@code scratch}. */
    public Conv2d(Device device, String name, int batch, int inChannels, int inHeight, int inWidth,
                  int outChannels, int kernel, int stride, int padding, Activation activation, Scratch scratch) {
        this(device, name, new ConvGeometry(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding),
                activation, DEFAULT_COLUMN_BUDGET, DEFAULT_RETAINED_BUDGET, scratch.lease());
    }

    /**
     * As the public constructor, with one chunk's im2col matrix limited to {@code columnBudget} floats and
     * the columns kept for the backward only if the batch's fit {@code retainedBudget} (tests set both).
     */
    Conv2d(Device device, String name, ConvGeometry geometry, Activation activation, long columnBudget,
           long retainedBudget) {
        this(device, name, geometry, activation, columnBudget, retainedBudget, ScratchSource.own(device));
    }

    private Conv2d(Device device, String name, ConvGeometry geometry, Activation activation, long columnBudget,
                   long retainedBudget, ScratchSource scratch) {
        this.name = name;
        this.geometry = geometry;
        int outChannels = geometry.outChannels();
        int patch = geometry.patchSize();
        int positions = geometry.positions();
        Chunking chunking = Chunking.of(geometry, columnBudget, retainedBudget);
        this.imagesPerChunk = chunking.imagesPerChunk();
        this.chunks = chunking.chunks();
        int columnsPerChunk = chunking.columnsPerChunk();
        int kk = geometry.kernel() * geometry.kernel();

        this.im2col = new Im2col(device, geometry, imagesPerChunk);
        this.col2im = new Col2im(device, geometry, imagesPerChunk);
        this.forwardProduct = new Gemm(device, new GemmShape(false, false, outChannels, columnsPerChunk, patch, false),
                scratch);
        this.firstWeightGradient = new Gemm(device, new GemmShape(false, true, outChannels, patch, columnsPerChunk, false),
                scratch);
        // Only a batch split into several chunks sums weight gradients across GEMMs; skip that build otherwise.
        this.laterWeightGradient = chunks > 1
                ? new Gemm(device, new GemmShape(false, true, outChannels, patch, columnsPerChunk, true), scratch)
                : firstWeightGradient;
        this.columnGradient = new Gemm(device, new GemmShape(true, false, patch, columnsPerChunk, outChannels, false),
                scratch);
        ChannelLayout gemmLayout = ChannelLayout.channelMajor(imagesPerChunk, positions);
        this.biasActivation = new BiasActivation(device, activation, imagesPerChunk, outChannels, positions, gemmLayout);
        this.activationGradient = new ActivationGradient(device, activation, imagesPerChunk, outChannels, positions, gemmLayout);
        this.preactivationCopy = new BuiltOnFirstUse<>(() -> new ActivationGradient(device, Activation.NONE,
                imagesPerChunk, outChannels, positions, gemmLayout));
        this.biasGradient = new BiasGradient(device, imagesPerChunk, outChannels, positions, gemmLayout);

        // Device memory last, so that a kernel that fails to build leaves nothing allocated.
        this.weight = new Parameter(device, name + ".weight", Parameter.Kind.WEIGHT,
                new int[] {outChannels, geometry.inChannels(), geometry.kernel(), geometry.kernel()},
                geometry.inChannels() * kk, outChannels * kk);
        this.bias = new Parameter(device, name + ".bias", Parameter.Kind.BIAS, new int[] {outChannels},
                geometry.inChannels() * kk, outChannels * kk);
        this.columnFloatsPerChunk = chunking.columnFloatsPerChunk();
        this.retainsColumns = chunking.retainsColumns();
        // Columns kept for the backward are the layer's own; one chunk's, redone in the backward, are scratch.
        this.columns = retainsColumns ? Buffer.allocate(device, chunking.columnFloats())
                : scratch.take(chunking.columnFloats());
        this.product = scratch.take((long) outChannels * columnsPerChunk);
    }

    /**
     * The device memory a convolution of these shapes allocates, as the public constructor sizes it:
     * weight and bias (their gradients come with the first backward: {@link Parameter}), the im2col columns, the GEMM product and the GEMMs' packing
     * scratch (see {@link Gemm#deviceMemory}). Nothing is allocated.
     */
    public static DeviceMemory deviceMemory(int batch, int inChannels, int inHeight, int inWidth, int outChannels,
                                            int kernel, int stride, int padding) {
        ConvGeometry geometry = new ConvGeometry(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding);
        Chunking chunking = Chunking.of(geometry, DEFAULT_COLUMN_BUDGET, DEFAULT_RETAINED_BUDGET);
        int patch = geometry.patchSize();
        int columnsPerChunk = chunking.columnsPerChunk();
        DeviceMemory parameters = DeviceMemory.floats((long) outChannels * patch).plus(DeviceMemory.floats(outChannels));
        DeviceMemory weightGradients = Gemm.deviceMemory(new GemmShape(false, true, outChannels, patch, columnsPerChunk,
                false)).times(chunking.chunks() > 1 ? 2 : 1);
        return parameters
                .plus(chunking.retainsColumns() ? DeviceMemory.floats(chunking.columnFloats())
                        : DeviceMemory.scratchFloats(chunking.columnFloats()))
                .plus(DeviceMemory.scratchFloats((long) outChannels * columnsPerChunk))
                .plus(Gemm.deviceMemory(new GemmShape(false, false, outChannels, columnsPerChunk, patch, false)))
                .plus(weightGradients)
                .plus(Gemm.deviceMemory(new GemmShape(true, false, patch, columnsPerChunk, outChannels, false)));
    }

    /** How the batch is split for im2col, and whether the forward's columns are kept for the backward. */
    private record Chunking(int imagesPerChunk, int chunks, int columnsPerChunk, long columnFloatsPerChunk,
                            boolean retainsColumns) {
        static Chunking of(ConvGeometry geometry, long columnBudget, long retainedBudget) {
            int patch = geometry.patchSize();
            int positions = geometry.positions();
            int images = Conv2d.imagesPerChunk(geometry.batch(), (long) patch * positions, columnBudget);
            int chunks = geometry.batch() / images;
            int columnsPerChunk = images * positions;
            long columnFloatsPerChunk = (long) patch * columnsPerChunk;
            return new Chunking(images, chunks, columnsPerChunk, columnFloatsPerChunk,
                    chunks * columnFloatsPerChunk <= retainedBudget);
        }

        /** The columns buffer: every chunk's when retained, else one chunk's scratch. */
        long columnFloats() {
            return (retainsColumns ? chunks : 1) * columnFloatsPerChunk;
        }
    }

    /** The largest divisor of {@code batch} whose chunk fits the budget (at least one image), so all chunks share one shape. */
    static int imagesPerChunk(int batch, long columnFloatsPerImage, long columnBudget) {
        // No chunk above budget / perImage fits: start there, so a huge batch costs no long search.
        long start = Math.min(batch, columnBudget / Math.max(1, columnFloatsPerImage));
        for (int images = (int) start; images > 1; images--) {
            if (batch % images == 0 && images * columnFloatsPerImage <= columnBudget) {
                return images;
            }
        }
        return 1;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** Images per GEMM (a divisor of the batch). */
    int imagesPerChunk() {
        return imagesPerChunk;
    }

    @Override
    public void forward(Tensor output, Tensor input) {
        geometry.requireInput(input, label(), "input");
        geometry.requireOutput(output, label(), "output");
        for (int chunk = 0; chunk < chunks; chunk++) {
            long columnOffset = columnOffset(chunk);
            im2col.run(columns, columnOffset, input.buffer(), geometry.inputOffset(chunk * imagesPerChunk));
            forwardProduct.run(product, 0, weight.value().buffer(), 0, columns, columnOffset);
            biasActivation.run(output.buffer(), geometry.outputOffset(chunk * imagesPerChunk), product, 0,
                    bias.value().buffer());
        }
        columnsInput = retainsColumns ? input : null;
    }

    @Override
    public void backward(Tensor dInput, Tensor dOutput, Tensor input, Tensor output) {
        geometry.requireBackward(dInput, dOutput, input, output, label());
        Buffer weightGrad = weight.grad().buffer();
        // Identity, not content: a forward on another tensor since then leaves columns of the wrong input.
        boolean columnsReady = columnsInput == input;
        ActivationGradient dz = output != null ? activationGradient : preactivationCopy.get();
        Tensor slopes = output != null ? output : dOutput; // the copy reads no slope
        for (int chunk = 0; chunk < chunks; chunk++) {
            boolean first = chunk == 0;
            long columnOffset = columnOffset(chunk);
            // `product` now holds dz for this chunk, channel-major as both weight GEMMs want it.
            long outputOffset = geometry.outputOffset(chunk * imagesPerChunk);
            dz.run(product, 0, dOutput.buffer(), outputOffset, slopes.buffer(), outputOffset);
            biasGradient.run(bias.grad().buffer(), product, 0, !first);
            if (!columnsReady) {
                im2col.run(columns, columnOffset, input.buffer(), geometry.inputOffset(chunk * imagesPerChunk));
            }
            (first ? firstWeightGradient : laterWeightGradient).run(weightGrad, 0, product, 0, columns, columnOffset);
            if (dInput != null) {
                // The in-order queue has finished reading these columns for dWeight before this overwrites them.
                columnGradient.run(columns, columnOffset, weight.value().buffer(), 0, product, 0);
                col2im.run(dInput.buffer(), geometry.inputOffset(chunk * imagesPerChunk), columns, columnOffset);
            }
        }
        if (dInput != null) {
            columnsInput = null; // dCol overwrote them: another backward must unfold the input again
        }
    }

    private long columnOffset(int chunk) {
        return retainsColumns ? chunk * columnFloatsPerChunk : 0;
    }

    /** Whether the forward keeps every chunk's columns for the backward. */
    boolean retainsColumns() {
        return retainsColumns;
    }

    private String label() {
        return "Conv2d '" + name + "'";
    }

    @Override
    public void close() {
        // try-with-resources closes every one, even if one fails; a null resource is skipped
        Gemm separateLaterGradient = laterWeightGradient != firstWeightGradient ? laterWeightGradient : null;
        try (weight; bias; columns; product; forwardProduct; firstWeightGradient; columnGradient;
                separateLaterGradient) {
            // nothing more to release
        }
    }
}
