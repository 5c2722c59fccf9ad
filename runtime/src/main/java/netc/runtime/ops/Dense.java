package netc.runtime.ops;

import java.util.List;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.model.DeviceMemory;
import netc.runtime.model.Parameter;

/**
 * A fully connected layer with a fused activation: input {@code (N, in)} (any tensor of
 * {@code N × in} values, so a flattened {@code (N, C, H, W)} works unchanged), output {@code (N, out)};
 * {@code output = activation(input · weightᵀ + bias)}. Parameters: {@code name.weight} {@code [out, in]}
 * and {@code name.bias} {@code [out]}, as PyTorch's {@code Linear}.
 *
 * <p>Every product reads the weight in its stored {@code [out, in]} layout through a transpose flag,
 * so the layer keeps no transposed copy (a large {@link Gemm} may still pack an operand into its
 * scratch); the bias and activation passes work in place on the {@code (N, out)} output and its gradient.
 * Up to {@link #SMALL_BATCH} rows the forward is a few matrix-vector products bound by reading the
 * weight once, and runs as one {@link SmallBatchDenseForward} kernel with bias and activation fused
 * instead of a GEMM and an epilogue pass; the backward always runs on the GEMMs.
 */
public final class Dense implements AutoCloseable {
    /**
     * Most rows whose forward runs as {@link SmallBatchDenseForward}: measured on PoCL (Zen 4) against
     * the GEMM and its epilogue for 6400 → 4096, it was 5-15% faster at 1 to 8 rows and 30% slower at 16.
     */
    static final int SMALL_BATCH = 8;

    private final String name;
    private final int batch;
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    // Exactly one forward: the small-batch kernel, or the GEMM and its epilogue (the others null).
    private final SmallBatchDenseForward smallBatchForward;
    private final Gemm forwardProduct;
    private final Gemm weightGradient;
    private final Gemm inputGradient;
    private final BiasActivation biasActivation;
    private final ActivationGradient activationGradient;
    private final BiasGradient biasGradient;

    public Dense(Device device, String name, int batch, int in, int out, Activation activation) {
        if (batch < 1 || in < 1 || out < 1) {
            throw new IllegalArgumentException("Dense '" + name + "': batch, in and out must be at least 1, got batch "
                    + batch + ", in " + in + ", out " + out);
        }
        this.name = name;
        this.batch = batch;
        this.in = in;
        this.out = out;
        ChannelLayout rows = ChannelLayout.imageMajor(out, 1);
        if (usesSmallBatchForward(batch)) {
            this.smallBatchForward = new SmallBatchDenseForward(device, activation, batch, in, out);
            this.forwardProduct = null;
            this.biasActivation = null;
        } else {
            this.smallBatchForward = null;
            this.forwardProduct = new Gemm(device, new GemmShape(false, true, batch, out, in, false));
            this.biasActivation = new BiasActivation(device, activation, batch, out, 1, rows);
        }
        this.weightGradient = new Gemm(device, new GemmShape(true, false, out, in, batch, false));
        this.inputGradient = new Gemm(device, new GemmShape(false, false, batch, in, out, false));
        // With no activation dz is dOutput itself; skip the pass (and its build).
        this.activationGradient = activation == Activation.NONE
                ? null
                : new ActivationGradient(device, activation, batch, out, 1, rows);
        this.biasGradient = new BiasGradient(device, batch, out, 1, rows);
        // Device memory last, so that a kernel that fails to build leaves nothing allocated.
        this.weight = new Parameter(device, name + ".weight", Parameter.Kind.WEIGHT, new int[] {out, in}, in, out);
        this.bias = new Parameter(device, name + ".bias", Parameter.Kind.BIAS, new int[] {out}, in, out);
    }

    /**
     * The device memory a dense layer of these shapes allocates: weight and bias with their gradients,
     * and its GEMMs' packing scratch (see {@link Gemm#deviceMemory}): three, or the two of the backward
     * when the forward runs as the small-batch kernel, which allocates nothing. Nothing is allocated.
     */
    public static DeviceMemory deviceMemory(int batch, int in, int out) {
        DeviceMemory forward = usesSmallBatchForward(batch)
                ? DeviceMemory.NONE
                : Gemm.deviceMemory(false, true, batch, out, in);
        return DeviceMemory.floats((long) out * in).plus(DeviceMemory.floats(out)).times(2)
                .plus(forward)
                .plus(Gemm.deviceMemory(true, false, out, in, batch))
                .plus(Gemm.deviceMemory(false, false, batch, in, out));
    }

    /** Whether a layer of {@code batch} rows runs its forward as {@link SmallBatchDenseForward}. */
    static boolean usesSmallBatchForward(int batch) {
        return batch <= SMALL_BATCH;
    }

    /** weight, then bias. */
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    public void forward(Tensor output, Tensor input) {
        TensorChecks.requireCapacity(input, (long) batch * in, label(), "input");
        TensorChecks.requireCapacity(output, (long) batch * out, label(), "output");
        if (smallBatchForward != null) {
            smallBatchForward.run(output.buffer(), input.buffer(), weight.value().buffer(), bias.value().buffer());
            return;
        }
        forwardProduct.run(output.buffer(), 0, input.buffer(), 0, weight.value().buffer(), 0);
        biasActivation.run(output.buffer(), 0, output.buffer(), 0, bias.value().buffer());
    }

    /** As {@link Conv2d#backward}: overwrites parameter gradients; {@code dInput} may be null; {@code dOutput} may be overwritten. */
    public void backward(Tensor dInput, Tensor dOutput, Tensor input, Tensor output) {
        if (dInput != null) {
            TensorChecks.requireCapacity(dInput, (long) batch * in, label(), "dInput");
        }
        TensorChecks.requireCapacity(dOutput, (long) batch * out, label(), "dOutput");
        TensorChecks.requireCapacity(input, (long) batch * in, label(), "input");
        TensorChecks.requireCapacity(output, (long) batch * out, label(), "output");
        if (activationGradient != null) {
            // dOutput becomes dz in place, as the contract allows.
            activationGradient.run(dOutput.buffer(), 0, dOutput.buffer(), 0, output.buffer(), 0);
        }
        weightGradient.run(weight.grad().buffer(), 0, dOutput.buffer(), 0, input.buffer(), 0);
        biasGradient.run(bias.grad().buffer(), dOutput.buffer(), 0, false);
        if (dInput != null) {
            inputGradient.run(dInput.buffer(), 0, dOutput.buffer(), 0, weight.value().buffer(), 0);
        }
    }

    private String label() {
        return "Dense '" + name + "'";
    }

    @Override
    public void close() {
        try (weight; bias; forwardProduct; weightGradient; inputGradient) {
            // try-with-resources closes all five, even if one fails
        }
    }
}
