package netc.runtime.ops;

import java.util.List;
import netc.Activation;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.Tensor;
import netc.runtime.model.DeviceMemory;
import netc.runtime.model.Parameter;

/**
 * {@link Conv2d}'s contract (same parameters, shapes and calls) computed directly, without im2col or
 * GEMM, for stride-1 layers with few channels: LeNet's 1→6 and 6→16 channels would leave a GEMM's
 * 16-row tiles mostly empty and spend more time unfolding than multiplying. Kernels in
 * {@code conv_direct.cl}: the forward with the bias and activation fused; the backward as {@code dz} in
 * place of {@code dOutput}, the bias gradient, the weight gradient as partial sums over interleaved
 * images then their sum, and the input gradient as the forward kernel over {@code dz} with the kernel
 * flipped. The code generator picks this op when {@link #suits} says so.
 */
public final class DirectConv2d implements AutoCloseable {
    /** Widest output row kept in registers; wider rows would spill, and such layers are not small anyway. */
    static final int MAX_OUT_WIDTH = 64;
    /** Most channels on either side: beyond this a GEMM's tiles fill up and im2col + GEMM wins. */
    static final int MAX_CHANNELS = 16;
    /** Enough weight-gradient work-items to share out over a CPU's cores, or a few GPU work-groups. */
    private static final int WEIGHT_GRADIENT_ITEMS = 256;

    private final String name;
    private final ConvGeometry geometry;
    private final int parts;
    private final Parameter weight;
    private final Parameter bias;
    private final Buffer partialWeightGradients;
    private final Kernel forwardKernel;
    private final Kernel inputGradientKernel;
    private final Kernel weightGradientKernel;
    private final Kernel weightGradientSum;
    private final ActivationGradient activationGradient;
    private final BiasGradient biasGradient;

    public DirectConv2d(Device device, String name, int batch, int inChannels, int inHeight, int inWidth,
                        int outChannels, int kernel, int stride, int padding, Activation activation) {
        this.name = name;
        this.geometry = new ConvGeometry(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding);
        if (!suits(inChannels, inWidth, outChannels, kernel, stride, padding)) {
            throw new IllegalArgumentException(label() + ": the direct convolution takes stride 1, at most "
                    + MAX_CHANNELS + " channels in and out and output rows of at most " + MAX_OUT_WIDTH
                    + " values, got " + inChannels + " → " + outChannels + " channels, stride " + stride
                    + ", output width " + geometry.outWidth() + "; use Conv2d for this layer.");
        }
        int kk = kernel * kernel;
        int weightRows = kernel * outChannels * inChannels;
        this.parts = Math.min(batch, Math.max(1, WEIGHT_GRADIENT_ITEMS / weightRows));
        this.forwardKernel = device.kernel("conv_direct.cl", "conv_direct_forward",
                ActivationDefine.set(defines(inChannels, inHeight, inWidth, outChannels, padding, false), activation));
        // The input gradient correlates dz (outChannels planes of the output's size) with the flipped kernel.
        this.inputGradientKernel = device.kernel("conv_direct.cl", "conv_direct_forward",
                ActivationDefine.set(defines(outChannels, geometry.outHeight(), geometry.outWidth(), inChannels,
                        kernel - 1 - padding, true), Activation.NONE));
        Defines gradientDefines = defines(inChannels, inHeight, inWidth, outChannels, padding, false)
                .set("BATCH", batch).set("PARTS", parts);
        this.weightGradientKernel = device.kernel("conv_direct.cl", "conv_direct_weight_gradient", gradientDefines);
        this.weightGradientSum = device.kernel("conv_direct.cl", "conv_direct_weight_gradient_sum", gradientDefines);
        int positions = geometry.positions();
        ChannelLayout nchw = ChannelLayout.imageMajor(outChannels, positions);
        this.activationGradient = activation == Activation.NONE
                ? null
                : new ActivationGradient(device, activation, batch, outChannels, positions, nchw);
        this.biasGradient = new BiasGradient(device, batch, outChannels, positions, nchw);

        // Device memory last, so that a kernel that fails to build leaves nothing allocated.
        this.weight = new Parameter(device, name + ".weight", Parameter.Kind.WEIGHT,
                new int[] {outChannels, inChannels, kernel, kernel}, inChannels * kk, outChannels * kk);
        this.bias = new Parameter(device, name + ".bias", Parameter.Kind.BIAS, new int[] {outChannels},
                inChannels * kk, outChannels * kk);
        this.partialWeightGradients = Buffer.allocate(device, (long) parts * outChannels * inChannels * kk);
    }

    /**
     * Whether a convolution of these shapes runs directly: stride 1, at most {@value #MAX_CHANNELS}
     * channels in and out, output rows of at most {@value #MAX_OUT_WIDTH}. The code generator asks this at
     * compile time (with the same numbers) to choose between this op and {@link Conv2d}.
     */
    public static boolean suits(int inChannels, int inWidth, int outChannels, int kernel, int stride, int padding) {
        int outWidth = inWidth + 2 * padding - kernel + 1;
        return stride == 1 && inChannels <= MAX_CHANNELS && outChannels <= MAX_CHANNELS
                && outWidth >= 1 && outWidth <= MAX_OUT_WIDTH && padding < kernel;
    }

    private Defines defines(int in, int height, int width, int out, int padding, boolean flipped) {
        return Defines.of().set("CI", in).set("CO", out).set("H", height).set("W", width)
                .set("K", geometry.kernel()).set("PAD", padding).set("FLIPPED", flipped ? 1 : 0)
                .set("HAS_BIAS", flipped ? 0 : 1);
    }

    /**
     * The device memory a direct convolution of these shapes allocates: weight and bias with their
     * gradients and the weight gradient's partial sums. Nothing is allocated.
     */
    public static DeviceMemory deviceMemory(int batch, int inChannels, int outChannels, int kernel) {
        long weights = (long) outChannels * inChannels * kernel * kernel;
        int parts = Math.min(batch, Math.max(1, WEIGHT_GRADIENT_ITEMS / (kernel * outChannels * inChannels)));
        return DeviceMemory.floats(weights).plus(DeviceMemory.floats(outChannels)).times(2)
                .plus(DeviceMemory.floats(parts * weights));
    }

    /** weight, then bias. */
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** {@code output = activation(conv(input, weight) + bias)}. */
    public void forward(Tensor output, Tensor input) {
        requireInput(input);
        requireOutput(output, "output");
        forwardKernel.launch(new long[] {geometry.outHeight(), geometry.outChannels(), geometry.batch()}, null,
                output, input, weight.value(), bias.value());
    }

    /** As {@link Conv2d#backward}: {@code dOutput} becomes {@code dz}; {@code dInput} may be null (first layer). */
    public void backward(Tensor dInput, Tensor dOutput, Tensor input, Tensor output) {
        if (dInput != null) {
            TensorChecks.requireCapacity(dInput, geometry.batch() * geometry.inputFloatsPerImage(), label(), "dInput");
        }
        requireOutput(dOutput, "dOutput");
        requireInput(input);
        requireOutput(output, "output");
        if (activationGradient != null) {
            activationGradient.run(dOutput.buffer(), 0, dOutput.buffer(), 0, output.buffer(), 0);
        }
        biasGradient.run(bias.grad().buffer(), dOutput.buffer(), 0, false);
        int kernel = geometry.kernel();
        int pairs = geometry.outChannels() * geometry.inChannels();
        weightGradientKernel.launch(new long[] {kernel, pairs, parts}, null, partialWeightGradients, dOutput, input);
        weightGradientSum.launch1d((long) pairs * kernel * kernel, weight.grad(), partialWeightGradients);
        if (dInput != null) {
            // The bias argument is unused (HAS_BIAS 0); any buffer fills the slot.
            inputGradientKernel.launch(new long[] {geometry.inHeight(), geometry.inChannels(), geometry.batch()},
                    null, dInput, dOutput, weight.value(), weight.value());
        }
    }

    private void requireInput(Tensor input) {
        TensorChecks.requireCapacity(input, geometry.batch() * geometry.inputFloatsPerImage(), label(), "input");
    }

    private void requireOutput(Tensor tensor, String role) {
        TensorChecks.requireCapacity(tensor, geometry.batch() * geometry.outputFloatsPerImage(), label(), role);
    }

    private String label() {
        return "DirectConv2d '" + name + "'";
    }

    @Override
    public void close() {
        try (weight; bias; partialWeightGradients) {
            // try-with-resources closes all three, even if one fails
        }
    }
}
