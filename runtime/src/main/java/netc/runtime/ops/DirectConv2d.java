package netc.runtime.ops;

import java.util.List;
import netc.Activation;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.model.DeviceMemory;
import netc.runtime.model.Parameter;

/**
 * {@link Conv2d}'s contract (same parameters, shapes and calls) computed directly, without im2col or
 * GEMM, for stride-1 layers with few channels: LeNet's 1→6 and 6→16 channels would leave a GEMM's
 * 16-row tiles mostly empty and spend more time unfolding than multiplying. Kernels in
 * {@code conv_direct.cl}, each holding all output channels in one vector: the forward (weights packed
 * channels-last first) with bias and activation fused; the backward as {@code dz} (channels last), the
 * weight and bias gradients as partial sums over interleaved images then their sum, and the input
 * gradient, summing over output channels in vector lanes, from the weights the forward packed. The code
 * generator picks this op when {@link #suits} says so.
 *
 * <p>Built with a pool window ({@link #pooled}), it also averages its output over {@code pool × pool}
 * windows at stride {@code pool} (the average pool LeNet puts after each convolution) in the same launch
 * ({@link #forwardPooled}), and its backward takes the pooled output's gradient and spreads it inside its
 * {@code dz} ({@link #backwardPooled}): the pool's two launches and its pass over a convolution-sized
 * gradient disappear. The convolution's own output is still written, for the activation's derivative.
 *
 * <p>Layers with few output channels and wide rows ({@link #suitsRows}: LeNet's conv1) run the kernels of
 * {@code conv_direct_rows.cl} instead, vectorised along the output row: the forward reads the layer's
 * weights as they are (no packing launch), and the backward computes {@code dz} inside the weight-gradient
 * pass (no {@code dz} launch). An input gradient, which a first layer does not ask for, still goes through
 * {@code dz} and the channel-vector kernel.
 */
public final class DirectConv2d implements Convolution {
    /** Widest output row the op takes: the weight gradient unrolls its loop over a whole output row. */
    static final int MAX_OUT_WIDTH = 64;
    /** Most channels on either side (one 16-lane vector): beyond this a GEMM's tiles fill up and im2col + GEMM wins. */
    static final int MAX_CHANNELS = 16;
    /** Outputs of a row one forward work-item keeps in vector registers (16 vectors of up to 16 lanes). */
    private static final int MAX_ROW_BLOCK = 16;
    /** Enough weight-gradient work-items to share out evenly over a CPU's cores. */
    private static final int WEIGHT_GRADIENT_ITEMS = 64;
    /** Output rows the row kernels hold: two float16 vectors. */
    static final int MAX_ROWS_WIDTH = 32;
    /** Most output channels for the row kernels: beyond, a channel vector fills its lanes and wins. */
    static final int MAX_ROWS_CHANNELS = 8;
    /** Widest kernel for the row kernels: the weight gradient keeps K × K vector sums in registers. */
    static final int MAX_ROWS_KERNEL = 5;
    /** Most bytes of zero-padded input planes a row-kernel work-item stages in local memory (L2-sized, well
     *  under PoCL's 1 MiB of local memory). */
    static final int MAX_ROWS_STAGED_BYTES = 64 * 1024;

    private final String name;
    private final ConvGeometry geometry;
    /** The fused average pool's window and stride; 1 for none. */
    private final int pool;
    private final Parameter weight;
    private final Parameter bias;
    /** The weights channels-last, then the bias: packed by the forward, read by the input gradient too. */
    private final Buffer packed;
    /** dz, channels last ({@code [N][Ho][Wo][lanes]}), and the weight gradient's partial sums. */
    private final Buffer dz;
    private final Buffer partialSums;
    private final KernelLaunch pack;
    private final KernelLaunch forwardKernel;
    private final KernelLaunch inputGradient;
    private final KernelLaunch dzKernel;
    /** dz for a backward whose dOutput is already through the activation: built on the first such call. */
    private final BuiltOnFirstUse<KernelLaunch> preactivationDz;
    private final KernelLaunch weightGradient;
    private final KernelLaunch weightGradientSum;
    /** Whether the row kernels (conv_direct_rows.cl) run the forward and the parameter gradients. */
    private final boolean rows;
    /** The row kernels' weight gradient for a dOutput already through the activation: built on first use. */
    private final BuiltOnFirstUse<KernelLaunch> preactivationRowsGradient;

    public DirectConv2d(Device device, String name, int batch, int inChannels, int inHeight, int inWidth,
                        int outChannels, int kernel, int stride, int padding, Activation activation) {
        this(device, name, batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding, activation, 1);
    }

    /**
     * A direct convolution followed by an average pool over its output with window {@code poolKernel},
     * stride {@code poolStride} and padding {@code poolPadding}, computed together; see {@link #suitsPool}
     * for the pools it takes.
     */
    public static DirectConv2d pooled(Device device, String name, int batch, int inChannels, int inHeight,
                                      int inWidth, int outChannels, int kernel, int stride, int padding,
                                      Activation activation, int poolKernel, int poolStride, int poolPadding) {
        int outHeight = inHeight + 2 * padding - kernel + 1;
        int outWidth = inWidth + 2 * padding - kernel + 1;
        if (!suitsPool(outHeight, outWidth, poolKernel, poolStride, poolPadding)) {
            throw new IllegalArgumentException("DirectConv2d '" + name + "': a fused average pool must have stride"
                    + " equal to its window of at least 2, no padding and a window dividing the " + outHeight + " x "
                    + outWidth + " output, got window " + poolKernel + ", stride " + poolStride + ", padding "
                    + poolPadding + "; run the pool as its own AvgPool2d.");
        }
        return new DirectConv2d(device, name, batch, inChannels, inHeight, inWidth, outChannels, kernel, stride,
                padding, activation, poolKernel);
    }

    /**
     * Whether an average pool (window {@code kernel}, {@code stride}, {@code padding}) over a convolution
     * output of {@code outHeight × outWidth} can be fused: windows that tile the output exactly (stride equal
     * to the window, no padding, the window dividing both sides), so every output belongs to one window.
     */
    public static boolean suitsPool(int outHeight, int outWidth, int kernel, int stride, int padding) {
        return kernel >= 2 && stride == kernel && padding == 0 && outHeight % kernel == 0 && outWidth % kernel == 0;
    }

    private DirectConv2d(Device device, String name, int batch, int inChannels, int inHeight, int inWidth,
                         int outChannels, int kernel, int stride, int padding, Activation activation, int pool) {
        this.name = name;
        this.pool = pool;
        this.geometry = new ConvGeometry(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding);
        if (!suits(inChannels, inWidth, outChannels, kernel, stride, padding)) {
            throw new IllegalArgumentException(label() + ": the direct convolution takes stride 1, padding below the"
                    + " kernel size, at most " + MAX_CHANNELS + " channels in and out and output rows of at most "
                    + MAX_OUT_WIDTH + " values, got " + inChannels + " → " + outChannels + " channels, kernel "
                    + kernel + ", stride " + stride + ", padding " + padding + "; use Conv2d for this layer.");
        }
        int outHeight = geometry.outHeight();
        int outWidth = geometry.outWidth();
        int lanes = lanes(outChannels);
        int parts = parts(batch, inChannels, kernel);
        int rowBlock = rowBlock(outWidth, pool);
        Defines forward = ActivationDefine.set(defines(inChannels, inHeight, inWidth, outChannels, padding),
                activation).set("XB", rowBlock);
        Defines gradient = ActivationDefine.set(defines(inChannels, inHeight, inWidth, outChannels, padding),
                activation).set("BATCH", batch).set("PARTS", parts).set("XB_IN", rowBlock(inWidth));
        long packedFloats = packedFloats(inChannels, kernel, lanes);
        this.rows = suitsRows(outChannels, outWidth, kernel, pool)
                && rowsStagedBytes(inChannels, inHeight, inWidth, kernel, padding) <= MAX_ROWS_STAGED_BYTES;
        this.pack = new KernelLaunch(device.kernel("conv_direct.cl", "conv_direct_pack", forward),
                new long[] {packedFloats}, null);
        if (rows) { // the gradient's defines: one program for all the row kernels
            this.forwardKernel = new KernelLaunch(device.kernel("conv_direct_rows.cl", "conv_rows_forward", gradient),
                    new long[] {batch}, new long[] {1});
        } else {
            this.forwardKernel = pool == 1
                    ? new KernelLaunch(device.kernel("conv_direct.cl", "conv_direct_forward", forward),
                            new long[] {blocks(outWidth), outHeight, batch}, null)
                    : new KernelLaunch(device.kernel("conv_direct.cl", "conv_direct_forward_pooled", forward),
                            new long[] {(outWidth + rowBlock - 1) / rowBlock, outHeight / pool, batch}, null);
        }
        this.inputGradient = new KernelLaunch(device.kernel("conv_direct.cl", "conv_direct_input_gradient", gradient),
                new long[] {blocks(inWidth), inHeight, (long) batch * inChannels}, null);
        this.dzKernel = new KernelLaunch(device.kernel("conv_direct.cl", "conv_direct_dz", gradient),
                new long[] {outHeight, batch}, null);
        Defines plainGradient = ActivationDefine.set(defines(inChannels, inHeight, inWidth, outChannels, padding),
                Activation.NONE).set("BATCH", batch).set("PARTS", parts).set("XB_IN", rowBlock(inWidth));
        this.preactivationDz = new BuiltOnFirstUse<>(() -> new KernelLaunch(
                device.kernel("conv_direct.cl", "conv_direct_dz", plainGradient), new long[] {outHeight, batch}, null));
        long[] rowsItems = {outChannels, inChannels, parts};
        this.weightGradient = rows
                ? new KernelLaunch(device.kernel("conv_direct_rows.cl", "conv_rows_weight_gradient", gradient), rowsItems,
                        new long[] {1, 1, 1})
                : new KernelLaunch(device.kernel("conv_direct.cl", "conv_direct_weight_gradient", gradient),
                        new long[] {kernel, inChannels, parts}, new long[] {1, 1, 1});
        this.preactivationRowsGradient = new BuiltOnFirstUse<>(() -> new KernelLaunch(
                device.kernel("conv_direct_rows.cl", "conv_rows_weight_gradient", plainGradient), rowsItems,
                new long[] {1, 1, 1}));
        this.weightGradientSum = new KernelLaunch(device.kernel("conv_direct.cl", "conv_weight_gradient_sum",
                gradient), new long[] {(long) outChannels * inChannels * kernel * kernel + outChannels}, null);

        // Device memory last, so that a kernel that fails to build leaves nothing allocated.
        int kk = kernel * kernel;
        this.weight = new Parameter(device, name + ".weight", Parameter.Kind.WEIGHT,
                new int[] {outChannels, inChannels, kernel, kernel}, inChannels * kk, outChannels * kk);
        this.bias = new Parameter(device, name + ".bias", Parameter.Kind.BIAS, new int[] {outChannels},
                inChannels * kk, outChannels * kk);
        this.packed = Buffer.allocate(device, packedFloats);
        this.dz = Buffer.allocate(device, (long) batch * outHeight * outWidth * lanes);
        this.partialSums = Buffer.allocate(device, parts * packedFloats);
    }

    /**
     * Whether the row kernels run a layer of these shapes (one that {@link #suits}): at most
     * {@value #MAX_ROWS_CHANNELS} output channels (a channel vector would leave lanes idle), output rows of 12
     * to {@value #MAX_ROWS_WIDTH} values (most lanes of one or two float16 vectors busy), kernels up to
     * {@value #MAX_ROWS_KERNEL} and no pool or a 2 × 2 one.
     */
    static boolean suitsRows(int outChannels, int outWidth, int kernel, int pool) {
        return outChannels <= MAX_ROWS_CHANNELS && outWidth >= 12 && outWidth <= MAX_ROWS_WIDTH
                && kernel <= MAX_ROWS_KERNEL && pool <= 2;
    }

    /**
     * Bytes of zero-padded input planes a row-kernel forward stages per work-item: {@code conv_direct_rows.cl}'s
     * {@code CI * PH * PITCH} floats, a padded row being wide enough for the staging's whole vectors and for
     * the shifted loads, rounded up to 16 floats.
     */
    static long rowsStagedBytes(int inChannels, int inHeight, int inWidth, int kernel, int padding) {
        int outWidth = inWidth + 2 * padding - kernel + 1;
        int staged = padding + (inWidth + 15) / 16 * 16;
        int read = (outWidth + 15) / 16 * 16 + kernel - 1;
        int pitch = (Math.max(staged, read) + 15) / 16 * 16;
        return 4L * inChannels * (inHeight + 2L * padding) * pitch;
    }

    /** Whether this op runs the row kernels (tests check both kinds of kernel are exercised). */
    boolean runsRows() {
        return rows;
    }

    /** Vector lanes for {@code channels}: 4, 8 or 16. */
    private static int lanes(int channels) {
        return channels <= 4 ? 4 : channels <= 8 ? 8 : 16;
    }

    /** Weight-gradient partial sums: enough work-items for the cores, at most one per image. */
    private static int parts(int batch, int inChannels, int kernel) {
        return Math.min(batch, Math.max(1, (WEIGHT_GRADIENT_ITEMS + kernel * inChannels - 1) / (kernel * inChannels)));
    }

    /** Packed weights (channels-last taps, then the bias) for {@code inChannels} input planes. */
    private static long packedFloats(int inChannels, int kernel, int lanes) {
        return ((long) inChannels * kernel * kernel + 1) * lanes;
    }

    /** Work-items along a row of {@code width} outputs. */
    private static int blocks(int width) {
        return (width + MAX_ROW_BLOCK - 1) / MAX_ROW_BLOCK;
    }

    /** Outputs per work-item: the row split evenly into {@link #blocks} pieces. */
    private static int rowBlock(int width) {
        int blocks = blocks(width);
        return (width + blocks - 1) / blocks;
    }

    /** As {@link #rowBlock(int)}, rounded up to whole pool windows (at most the width, which they divide). */
    private static int rowBlock(int width, int pool) {
        return (rowBlock(width) + pool - 1) / pool * pool;
    }

    /**
     * Whether a convolution of these shapes runs directly: stride 1, padding below the kernel size, at most
     * {@value #MAX_CHANNELS} channels in and out, output rows of at most {@value #MAX_OUT_WIDTH}. The code generator asks this at
     * compile time (with the same numbers) to choose between this op and {@link Conv2d}.
     */
    public static boolean suits(int inChannels, int inWidth, int outChannels, int kernel, int stride, int padding) {
        int outWidth = inWidth + 2 * padding - kernel + 1;
        return stride == 1 && inChannels <= MAX_CHANNELS && outChannels <= MAX_CHANNELS
                && outWidth >= 1 && outWidth <= MAX_OUT_WIDTH && padding < kernel;
    }

    private Defines defines(int in, int height, int width, int out, int padding) {
        return Defines.of().set("CI", in).set("CO", out).set("COV", lanes(out)).set("H", height).set("W", width)
                .set("K", geometry.kernel()).set("PAD", padding).set("POOL", pool);
    }

    /**
     * The device memory a direct convolution of these shapes (stride 1) allocates: weight and bias (their
     * gradients come with the first backward: {@link Parameter}), the packed weights, {@code dz} and the weight gradient's partial sums. Nothing is
     * allocated.
     */
    public static DeviceMemory deviceMemory(int batch, int inChannels, int inHeight, int inWidth, int outChannels,
                                            int kernel, int padding) {
        ConvGeometry g = new ConvGeometry(batch, inChannels, inHeight, inWidth, outChannels, kernel, 1, padding);
        long weights = (long) outChannels * inChannels * kernel * kernel;
        long packedFloats = packedFloats(inChannels, kernel, lanes(outChannels));
        return DeviceMemory.floats(weights).plus(DeviceMemory.floats(outChannels))
                .plus(DeviceMemory.floats(packedFloats))
                .plus(DeviceMemory.floats((long) batch * g.positions() * lanes(outChannels)))
                .plus(DeviceMemory.floats(parts(batch, inChannels, kernel) * packedFloats));
    }

    /** weight, then bias. */
    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** {@code output = activation(conv(input, weight) + bias)}. */
    @Override
    public void forward(Tensor output, Tensor input) {
        requirePool(false, "forward");
        geometry.requireInput(input, label(), "input");
        geometry.requireOutput(output, label(), "output");
        if (rows) {
            forwardKernel.run(output, input, weight.value(), bias.value());
        } else {
            pack.run(packed, weight.value(), bias.value());
            forwardKernel.run(output, input, packed);
        }
    }

    /**
     * As {@link Conv2d#backward}: overwrites the parameter gradients; {@code dInput} may be null (first layer).
     * Reads the weights as the last {@link #forward} packed them (an optimizer updates them only after the backward).
     */
    @Override
    public void backward(Tensor dInput, Tensor dOutput, Tensor input, Tensor output) {
        requirePool(false, "backward");
        geometry.requireBackward(dInput, dOutput, input, output, label());
        gradients(dInput, dOutput, input, output);
    }

    /**
     * The parameter gradients and, unless {@code dInput} is null, the input gradient, from {@code dOutput}
     * (the pooled output's gradient for a pooled op) and the forward's {@code output}, or from a
     * {@code dOutput} already through the activation when {@code output} is null.
     */
    private void gradients(Tensor dInput, Tensor dOutput, Tensor input, Tensor output) {
        if (rows) {
            if (output != null) {
                weightGradient.run(partialSums, dOutput, output, input);
            } else {
                preactivationRowsGradient.get().run(partialSums, dOutput, dOutput, input);
            }
            weightGradientSum.run(weight.grad(), bias.grad(), partialSums);
            if (dInput != null) { // the row forward did not pack the weights the input gradient reads
                writeDz(dOutput, output);
                pack.run(packed, weight.value(), bias.value());
                inputGradient.run(dInput, dz, packed);
            }
            return;
        }
        writeDz(dOutput, output);
        weightGradient.run(partialSums, dz, input);
        weightGradientSum.run(weight.grad(), bias.grad(), partialSums);
        if (dInput != null) {
            inputGradient.run(dInput, dz, packed);
        }
    }

    private void writeDz(Tensor dOutput, Tensor output) {
        if (output != null) {
            dzKernel.run(dz, dOutput, output);
        } else { // dOutput is already through the activation
            preactivationDz.get().run(dz, dOutput, dOutput);
        }
    }

    /**
     * {@code output = activation(conv(input, weight) + bias)} and {@code pooled} its average pool, for an op
     * built by {@link #pooled}.
     */
    public void forwardPooled(Tensor output, Tensor pooled, Tensor input) {
        requirePool(true, "forwardPooled");
        geometry.requireInput(input, label(), "input");
        geometry.requireOutput(output, label(), "output");
        WorkItems.requireCapacity(pooled, pooledSize(), label() + ".forwardPooled", "pooled");
        if (rows) {
            forwardKernel.run(output, pooled, input, weight.value(), bias.value());
        } else {
            pack.run(packed, weight.value(), bias.value());
            forwardKernel.run(output, pooled, input, packed);
        }
    }

    /**
     * As {@link #backward}, for an op built by {@link #pooled}: {@code dPooled} is the loss gradient with
     * respect to the pooled output, {@code output} the convolution's own output of the forward (not null:
     * the activation's derivative needs it).
     */
    public void backwardPooled(Tensor dInput, Tensor dPooled, Tensor input, Tensor output) {
        requirePool(true, "backwardPooled");
        if (output == null) {
            throw new IllegalArgumentException(label() + ": backwardPooled needs the convolution's output for the"
                    + " activation's derivative, got null; pass the output its forwardPooled wrote.");
        }
        WorkItems.requireCapacity(dPooled, pooledSize(), label() + ".backwardPooled", "dPooled");
        geometry.requireBackward(dInput, output, input, output, label());
        gradients(dInput, dPooled, input, output);
    }

    private long pooledSize() {
        return (long) geometry.batch() * geometry.outChannels() * (geometry.outHeight() / pool)
                * (geometry.outWidth() / pool);
    }

    private void requirePool(boolean pooledCall, String call) {
        if (pooledCall != (pool > 1)) {
            throw new IllegalStateException(label() + (pooledCall
                    ? ": " + call + " needs an op built with a pool; build it with DirectConv2d.pooled."
                    : " was built with a " + pool + " x " + pool + " average pool; call " + call + "Pooled instead."));
        }
    }

    private String label() {
        return "DirectConv2d '" + name + "'";
    }

    @Override
    public void close() {
        try (weight; bias; packed; dz; partialSums) {
            // try-with-resources closes every one, even if one fails
        }
    }
}
