package netc.runtime.ops;

import java.util.List;
import netc.Activation;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Scratch;
import netc.runtime.cl.ScratchSource;
import netc.runtime.cl.Tensor;
import netc.runtime.model.DeviceMemory;
import netc.runtime.model.Parameter;

/**
 * {@link Conv2d}'s contract (same parameters, shapes and calls) computed directly, for strided layers with
 * few input channels and a large kernel (those {@link #suits} picks: AlexNet's conv1, 1 → 96 channels, 11 × 11, stride
 * 4). There im2col writes {@code K²} copies of each output position's window (90 MB at batch 64) for a
 * GEMM whose inner dimension is only {@code C·K² = 121}, and the weight gradient's GEMM packs that matrix
 * transposed again. Kernels in {@code conv_strided.cl}, each holding 16 output channels in one vector:
 * the input is first copied into zero-padded planes (no bound tests in the loops); the forward, with bias
 * and activation fused, then reads the weights packed channels-last; the backward writes {@code dz}
 * channels-last, sums the weight and bias gradients as partial sums over interleaved images, adds them,
 * and, when asked, computes the input gradient from {@code dz} and the packed weights.
 */
public final class StridedConv2d implements Convolution {
    /** Most input channels: the forward's and the weight gradient's loops run over them once per tap row. */
    static final int MAX_IN_CHANNELS = 4;
    /**
     * Smallest kernel: the 7 × 7 stride-2 stems of the ResNet and GoogLeNet samples (1 × 96 × 96 → 64, batch
     * 16) ran no slower than im2col + GEMM (ConvTiming -Dcpu=true, within its 10 ms ticks); smaller kernels
     * were not measured and keep im2col + GEMM.
     */
    static final int MIN_KERNEL = 7;
    /**
     * Most outputs of a row one forward work-item keeps in vector registers, two sums each beside a kernel
     * row's K tap vectors: 2·9 + 11 = 29 of AVX-512's 32 for AlexNet's conv1. Measured there (CPU time per
     * forward at batch 64 on the shared 2-core Zen 4, work-groups named as below), blocks of 6 to 14 all
     * took 63-71 ms: a third of it is writing the 72 MB output (~45 ms without the stores), not the FMAs.
     */
    static final int MAX_ROW_BLOCK = 9;
    /** Weight-gradient work-items to aim for: enough that two cores share them out evenly. */
    private static final int WEIGHT_GRADIENT_ITEMS = 48;
    /** Vector sums the weight gradient may keep in registers beside its operands. */
    private static final int MAX_SUMS_IN_REGISTERS = 24;

    private final String name;
    private final ConvGeometry geometry;
    private final Parameter weight;
    private final Parameter bias;
    /** The weights channels-last, then the bias: packed by the forward, read by the input gradient too. */
    private final Buffer packed;
    private final Buffer partialSums;
    /** Zero-padded input planes and {@code dz} (channels last): scratch, filled anew by every call. */
    private final Buffer padded;
    private final Buffer dz;
    private final KernelLaunch pack;
    private final KernelLaunch pad;
    private final KernelLaunch forwardKernel;
    private final KernelLaunch weightGradient;
    /** The weight gradient for a dOutput already through the activation: built on the first such call. */
    private final BuiltOnFirstUse<KernelLaunch> preactivationWeightGradient;
    private final KernelLaunch weightGradientSum;
    private final KernelLaunch inputGradient;
    private StageTimer stages = StageTimer.NONE;

    public StridedConv2d(Device device, String name, int batch, int inChannels, int inHeight, int inWidth,
                         int outChannels, int kernel, int stride, int padding, Activation activation) {
        this(device, name, new ConvGeometry(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride,
                padding), activation, ScratchSource.own(device));
    }

    /** As the constructor above, with its per-call buffers taken from the model's shared {@code scratch}. */
    public StridedConv2d(Device device, String name, int batch, int inChannels, int inHeight, int inWidth,
                         int outChannels, int kernel, int stride, int padding, Activation activation,
                         Scratch scratch) {
        this(device, name, new ConvGeometry(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride,
                padding), activation, scratch.lease());
    }

    private StridedConv2d(Device device, String name, ConvGeometry g, Activation activation, ScratchSource scratch) {
        this.name = name;
        this.geometry = g;
        int batch = g.batch();
        int parts = parts(g);
        Defines defines = ActivationDefine.set(defines(g, parts), activation);
        Defines plain = ActivationDefine.set(defines(g, parts), Activation.NONE);
        long packedFloats = packedFloats(g);
        this.pack = new KernelLaunch(device.kernel("conv_strided.cl", "conv_strided_pack", defines),
                new long[] {packedFloats}, null);
        this.pad = new KernelLaunch(device.kernel("conv_strided.cl", "conv_strided_pad", defines),
                new long[] {paddedWidth(g), paddedHeight(g), (long) batch * g.inChannels()}, null);
        // Work-groups of one output row's blocks and channel vectors, named: left to choose, PoCL took groups
        // of 1 x 54 x 24 for rows of 7 or 5 blocks and the forward took ~140 ms of CPU time instead of ~70
        // (conv1 at batch 64, blocks of 8 or 12; 6 x 1 x 24 for blocks of 9 ran as fast as named groups).
        this.forwardKernel = new KernelLaunch(device.kernel("conv_strided.cl", "conv_strided_forward", defines),
                new long[] {blocks(g.outWidth()), g.outHeight(), (long) batch * groups(g)},
                new long[] {blocks(g.outWidth()), 1, groups(g)});
        long[] gradientItems = {groups(g) / channelVectors(g), parts};
        this.weightGradient = new KernelLaunch(device.kernel("conv_strided.cl", "conv_strided_weight_gradient", defines),
                gradientItems, new long[] {1, 1});
        this.preactivationWeightGradient = new BuiltOnFirstUse<>(() -> new KernelLaunch(
                device.kernel("conv_strided.cl", "conv_strided_weight_gradient", plain), gradientItems, new long[] {1, 1}));
        this.weightGradientSum = new KernelLaunch(device.kernel("conv_strided.cl", "conv_weight_gradient_sum",
                defines), new long[] {(long) g.outChannels() * g.patchSize() + g.outChannels()}, null);
        this.inputGradient = new KernelLaunch(device.kernel("conv_strided.cl", "conv_strided_input_gradient", defines),
                new long[] {g.inWidth(), g.inHeight(), (long) batch * g.inChannels()}, null);

        // Device memory last, so that a kernel that fails to build leaves nothing allocated.
        int kk = g.kernel() * g.kernel();
        this.weight = new Parameter(device, name + ".weight", Parameter.Kind.WEIGHT,
                new int[] {g.outChannels(), g.inChannels(), g.kernel(), g.kernel()}, g.inChannels() * kk,
                g.outChannels() * kk);
        this.bias = new Parameter(device, name + ".bias", Parameter.Kind.BIAS, new int[] {g.outChannels()},
                g.inChannels() * kk, g.outChannels() * kk);
        this.packed = Buffer.allocate(device, packedFloats);
        this.partialSums = Buffer.allocate(device, parts * packedFloats);
        this.padded = scratch.take(paddedFloats(g));
        this.dz = scratch.take(dzFloats(g));
    }

    /** The shapes' defines (a fresh builder each call: {@link Defines#set} changes it). */
    private static Defines defines(ConvGeometry g, int parts) {
        return Defines.of().set("CI", g.inChannels()).set("CO", g.outChannels()).set("H", g.inHeight())
                .set("W", g.inWidth()).set("K", g.kernel()).set("S", g.stride()).set("PAD", g.padding())
                .set("XB", rowBlock(g.outWidth())).set("CV", channelVectors(g)).set("BATCH", g.batch())
                .set("PARTS", parts);
    }

    /**
     * Whether the code generator picks this op for a convolution of these shapes (it computes any, but
     * wins only on these): stride 2 or more, a kernel of at least
     * {@value #MIN_KERNEL} with padding below it, at most {@value #MAX_IN_CHANNELS} input channels. The code
     * generator asks the same at compile time to choose this op.
     */
    public static boolean suits(int inChannels, int kernel, int stride, int padding) {
        return stride >= 2 && kernel >= MIN_KERNEL && padding < kernel && inChannels <= MAX_IN_CHANNELS;
    }

    /**
     * The device memory a strided direct convolution of these shapes allocates: weight and bias (their
     * gradients come with the first backward: {@link Parameter}), the packed weights and the weight
     * gradient's partial sums, and as scratch the padded input and {@code dz}. Nothing is allocated.
     */
    public static DeviceMemory deviceMemory(int batch, int inChannels, int inHeight, int inWidth, int outChannels,
                                            int kernel, int stride, int padding) {
        ConvGeometry g = new ConvGeometry(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding);
        long packedFloats = packedFloats(g);
        return DeviceMemory.floats((long) outChannels * g.patchSize()).plus(DeviceMemory.floats(outChannels))
                .plus(DeviceMemory.floats(packedFloats))
                .plus(DeviceMemory.floats(parts(g) * packedFloats))
                .plus(DeviceMemory.scratchFloats(paddedFloats(g)))
                .plus(DeviceMemory.scratchFloats(dzFloats(g)));
    }

    /** 16-channel vectors covering the output channels. */
    private static int groups(ConvGeometry g) {
        return (g.outChannels() + 15) / 16;
    }

    /**
     * 16-channel vectors per forward and weight-gradient work-item: two where they pair up, so each input
     * value broadcast feeds two FMAs; one where the weight gradient's 2·K vector sums would not stay in
     * registers (32 on AVX-512) beside its operands.
     */
    private static int channelVectors(ConvGeometry g) {
        return groups(g) % 2 == 0 && 2 * g.kernel() <= MAX_SUMS_IN_REGISTERS ? 2 : 1;
    }

    /** Packed weights (channels-last taps, then the bias), output channels padded to whole vectors. */
    private static long packedFloats(ConvGeometry g) {
        return ((long) g.patchSize() + 1) * groups(g) * 16;
    }

    /** Padded rows: exactly those the taps read, {@code (Ho − 1)·S + K}. */
    private static int paddedHeight(ConvGeometry g) {
        return (g.outHeight() - 1) * g.stride() + g.kernel();
    }

    private static int paddedWidth(ConvGeometry g) {
        return (g.outWidth() - 1) * g.stride() + g.kernel();
    }

    private static long paddedFloats(ConvGeometry g) {
        return (long) g.batch() * g.inChannels() * paddedHeight(g) * paddedWidth(g);
    }

    private static long dzFloats(ConvGeometry g) {
        return (long) g.batch() * g.positions() * groups(g) * 16;
    }

    /** Weight-gradient partial sums: about {@link #WEIGHT_GRADIENT_ITEMS} work-items, at most one per image. */
    private static int parts(ConvGeometry g) {
        int items = groups(g) / channelVectors(g);
        return Math.min(g.batch(), Math.max(1, (WEIGHT_GRADIENT_ITEMS + items - 1) / items));
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

    /** weight, then bias. */
    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** {@code output = activation(conv(input, weight) + bias)}. */
    @Override
    public void forward(Tensor output, Tensor input) {
        geometry.requireInput(input, label(), "input");
        geometry.requireOutput(output, label(), "output");
        pack.run(packed, weight.value(), bias.value());
        pad.run(padded, input);
        stages.mark("pack and pad");
        forwardKernel.run(output, padded, packed);
        stages.mark("forward");
    }

    /**
     * As {@link Conv2d#backward}: overwrites the parameter gradients; {@code dInput} may be null (first layer);
     * {@code output} null means {@code dOutput} is already through the activation. Reads the weights as the
     * last {@link #forward} packed them (an optimizer updates them only after the backward).
     */
    @Override
    public void backward(Tensor dInput, Tensor dOutput, Tensor input, Tensor output) {
        geometry.requireBackward(dInput, dOutput, input, output, label());
        pad.run(padded, input); // scratch: the forward's copy may have been overwritten since
        stages.mark("pad");
        if (output != null) {
            weightGradient.run(partialSums, dz, dOutput, output, padded);
        } else { // dOutput is already through the activation: the plain build reads it as its own slope's input
            preactivationWeightGradient.get().run(partialSums, dz, dOutput, dOutput, padded);
        }
        stages.mark("dz and weight gradient");
        weightGradientSum.run(weight.grad(), bias.grad(), partialSums);
        stages.mark("weight gradient sum");
        if (dInput != null) {
            inputGradient.run(dInput, dz, packed);
            stages.mark("input gradient");
        }
    }

    /** Has {@code timer} told after each stage this op enqueues, for per-stage timings (ConvTiming). */
    void timeStages(StageTimer timer) {
        this.stages = timer;
    }

    private String label() {
        return "StridedConv2d '" + name + "'";
    }

    @Override
    public void close() {
        try (weight; bias; packed; partialSums; padded; dz) {
            // try-with-resources closes every one, even if one fails
        }
    }
}
