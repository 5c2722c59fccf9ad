package netc.runtime.ops;

import java.util.List;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Scratch;
import netc.runtime.cl.ScratchSource;
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
 * scratch); the bias and activation passes work in place on the {@code (N, out)} output and its gradient,
 * the backward's (activation slope and bias gradient) as one ({@link BiasActivationGradient}).
 * At a small batch the products are a few matrix-vector products bound by streaming the weight once,
 * and each pass runs as its own small-batch kernel instead of a GEMM built for long sums, up to the
 * batch where it measured faster: the forward with bias and activation fused
 * ({@link SmallBatchDenseForward}), the weight and bias gradients
 * ({@link SmallBatchDenseWeightGradient}) and the input gradient ({@link SmallBatchDenseInputGradient}).
 */
public final class Dense implements AutoCloseable {
    private final String name;
    private final int batch;
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    // Each pass runs either as its small-batch kernel or on a GEMM (with its bias pass); the other is null.
    private final SmallBatchDenseForward smallBatchForward;
    private final Gemm forwardProduct;
    private final BiasActivation biasActivation;
    private final ActivationGradient activationGradient;
    private final SmallBatchDenseWeightGradient smallBatchWeightGradient;
    private final Gemm weightGradient;
    private final BiasActivationGradient biasActivationGradient;
    private final SmallBatchDenseInputGradient smallBatchInputGradient;
    private final Gemm inputGradient;

    public Dense(Device device, String name, int batch, int in, int out, Activation activation) {
        this(device, name, batch, in, out, activation, ScratchSource.own(device));
    }

    /** As the constructor above, with its per-call buffers taken from the model's shared {@code scratch}. */
    public Dense(Device device, String name, int batch, int in, int out, Activation activation, Scratch scratch) {
        this(device, name, batch, in, out, activation, scratch.lease());
    }

    private Dense(Device device, String name, int batch, int in, int out, Activation activation,
                  ScratchSource scratch) {
        if (batch < 1 || in < 1 || out < 1) {
            throw new IllegalArgumentException("Dense '" + name + "': batch, in and out must be at least 1, got batch "
                    + batch + ", in " + in + ", out " + out);
        }
        this.name = name;
        this.batch = batch;
        this.in = in;
        this.out = out;
        ChannelLayout rows = ChannelLayout.imageMajor(out, 1);
        if (SmallBatchDenseForward.suits(batch)) {
            this.smallBatchForward = new SmallBatchDenseForward(device, activation, batch, in, out);
            this.forwardProduct = null;
            this.biasActivation = null;
        } else {
            this.smallBatchForward = null;
            this.forwardProduct = new Gemm(device, new GemmShape(false, true, batch, out, in, false), scratch);
            this.biasActivation = new BiasActivation(device, activation, batch, out, 1, rows);
        }
        if (SmallBatchDenseWeightGradient.suits(batch)) {
            // With no activation dz is dOutput itself; skip the pass (and its build).
            this.activationGradient = activation == Activation.NONE
                    ? null
                    : new ActivationGradient(device, activation, batch, out, 1, rows);
            this.smallBatchWeightGradient = new SmallBatchDenseWeightGradient(device, batch, in, out);
            this.weightGradient = null;
            this.biasActivationGradient = null;
        } else {
            this.activationGradient = null;
            this.smallBatchWeightGradient = null;
            this.weightGradient = new Gemm(device, new GemmShape(true, false, out, in, batch, false), scratch);
            this.biasActivationGradient = new BiasActivationGradient(device, activation, batch, out);
        }
        // Built last of the ops: it allocates its scratch, which an op failing to build after it would leak.
        if (SmallBatchDenseInputGradient.suits(batch)) {
            this.smallBatchInputGradient = new SmallBatchDenseInputGradient(device, batch, in, out, scratch);
            this.inputGradient = null;
        } else {
            this.smallBatchInputGradient = null;
            this.inputGradient = new Gemm(device, new GemmShape(false, false, batch, in, out, false), scratch);
        }
        // Device memory last, so that a kernel that fails to build leaves nothing allocated.
        this.weight = new Parameter(device, name + ".weight", Parameter.Kind.WEIGHT, new int[] {out, in}, in, out);
        this.bias = new Parameter(device, name + ".bias", Parameter.Kind.BIAS, new int[] {out}, in, out);
    }

    /**
     * The device memory a dense layer of these shapes allocates: weight and bias (their gradients come with the
     * first backward: {@link Parameter}),
     * and for each pass its GEMM's packing scratch (see {@link Gemm#deviceMemory}) or, at a small
     * batch, its small-batch kernel's (only the input gradient's has one). Nothing is allocated.
     */
    public static DeviceMemory deviceMemory(int batch, int in, int out) {
        DeviceMemory forward = SmallBatchDenseForward.suits(batch)
                ? DeviceMemory.NONE
                : Gemm.deviceMemory(false, true, batch, out, in);
        DeviceMemory weightGradient = SmallBatchDenseWeightGradient.suits(batch)
                ? DeviceMemory.NONE
                : Gemm.deviceMemory(true, false, out, in, batch);
        DeviceMemory inputGradient = SmallBatchDenseInputGradient.suits(batch)
                ? SmallBatchDenseInputGradient.deviceMemory(batch, in, out)
                : Gemm.deviceMemory(false, false, batch, in, out);
        return DeviceMemory.floats((long) out * in).plus(DeviceMemory.floats(out))
                .plus(forward).plus(weightGradient).plus(inputGradient);
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
        // dOutput becomes dz in place, as the contract allows.
        if (smallBatchWeightGradient != null) {
            if (activationGradient != null) {
                activationGradient.run(dOutput.buffer(), 0, dOutput.buffer(), 0, output.buffer(), 0);
            }
            smallBatchWeightGradient.run(weight.grad().buffer(), bias.grad().buffer(), dOutput.buffer(), input.buffer());
        } else {
            biasActivationGradient.run(bias.grad().buffer(), dOutput.buffer(), output.buffer());
            weightGradient.run(weight.grad().buffer(), 0, dOutput.buffer(), 0, input.buffer(), 0);
        }
        if (dInput == null) {
            return;
        }
        if (smallBatchInputGradient != null) {
            smallBatchInputGradient.run(dInput.buffer(), dOutput.buffer(), weight.value().buffer());
        } else {
            inputGradient.run(dInput.buffer(), 0, dOutput.buffer(), 0, weight.value().buffer(), 0);
        }
    }

    private String label() {
        return "Dense '" + name + "'";
    }

    @Override
    public void close() {
        try (weight; bias; forwardProduct; weightGradient; inputGradient; smallBatchInputGradient) {
            // try-with-resources closes all (skipping the null ones), even if one fails
        }
    }
}
