package netc.runtime.ops;

import java.util.List;
import netc.Activation;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.Tensor;
import netc.runtime.model.DeviceMemory;
import netc.runtime.model.Parameter;

/**
 * {@link Dense}'s contract (same parameters, shapes and calls) with one kernel per product, for layers
 * small enough that a GEMM's packing and the separate bias, activation and gradient passes cost more
 * than the arithmetic (LeNet's 400→120→84→10): the forward with bias and activation fused; the backward
 * as the weight and bias gradients in one kernel and the input gradient in another, each taking
 * {@code dz = dOutput · act'(output)} as it reads it, so that dz needs no pass (a launch) of its own
 * (kernels in {@code dense_small.cl}). The code
 * generator picks this op when {@link #suits} says so.
 */
public final class SmallDense implements AutoCloseable {
    /** Most inputs: four weight rows and four input rows of this length stay in the first-level cache. */
    static final int MAX_IN = 1024;
    /** Most outputs: beyond this the layer is a GEMM's job. */
    static final int MAX_OUT = 256;
    /** Rows and outputs per forward work-item: a 4 × 4 block of vector sums. */
    private static final int BLOCK = 4;
    /** Most floats of `in` per gradient work-item: 5 float16 slices (LeNet fc1's 400 inputs in 5 items). */
    private static final int GRADIENT_FLOATS = 80;

    private final String name;
    private final int batch;
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    private final Kernel forwardKernel;
    private final Kernel inputGradient;
    private final Kernel weightGradient;
    private final long[] forwardItems;
    private final long[] inputGradientItems;
    private final long[] weightGradientItems;

    public SmallDense(Device device, String name, int batch, int in, int out, Activation activation) {
        this.name = name;
        if (batch < 1 || !suits(in, out)) {
            throw new IllegalArgumentException(label() + ": the small dense layer takes a batch of at least 1, a"
                    + " multiple of 4 inputs up to " + MAX_IN + " and 1 to " + MAX_OUT + " outputs, got batch " + batch
                    + ", in " + in + ", out " + out + "; use Dense for this layer.");
        }
        WorkItems.requireIntIndexable(label(), (long) batch * Math.max(in, out));
        this.batch = batch;
        this.in = in;
        this.out = out;
        int width = in % 16 == 0 ? 16 : in % 8 == 0 ? 8 : 4;
        int rows = Math.min(BLOCK, batch);
        int outputs = Math.min(BLOCK, out);
        int slices = gradientSlices(in / width, width);
        Defines defines = ActivationDefine.set(Defines.of().set("BATCH", batch).set("IN", in).set("OUT", out)
                .set("VW", width).set("NB", rows).set("OB", outputs).set("SP", slices), activation);
        this.forwardKernel = device.kernel("dense_small.cl", "dense_small_forward", defines);
        this.inputGradient = device.kernel("dense_small.cl", "dense_small_input_gradient", defines);
        this.weightGradient = device.kernel("dense_small.cl", "dense_small_weight_gradient", defines);
        long rowBlocks = (batch + rows - 1) / rows;
        long outputBlocks = (out + outputs - 1) / outputs;
        this.forwardItems = new long[] {outputBlocks, rowBlocks};
        long sliceBlocks = in / width / slices;
        this.inputGradientItems = new long[] {sliceBlocks, rowBlocks};
        this.weightGradientItems = new long[] {sliceBlocks, outputBlocks};
        // Device memory last, so that a kernel that fails to build leaves nothing allocated.
        this.weight = new Parameter(device, name + ".weight", Parameter.Kind.WEIGHT, new int[] {out, in}, in, out);
        this.bias = new Parameter(device, name + ".bias", Parameter.Kind.BIAS, new int[] {out}, in, out);
    }

    /**
     * Vector slices per gradient work-item: the largest divisor of the slice count within
     * {@value #GRADIENT_FLOATS} floats. More slices per item load each dz (and take its slope) once for
     * more vector FMAs; a divisor leaves no item overlapping its neighbour's slices (LeNet fc1's 25 slices
     * in items of 3, the last sliding back, timed hardly faster than items of 1; in items of 5, about a
     * third faster; DenseTiming).
     */
    static int gradientSlices(int slices, int width) {
        int best = 1;
        for (int candidate = 1; candidate <= slices && candidate * width <= GRADIENT_FLOATS; candidate++) {
            if (slices % candidate == 0) {
                best = candidate;
            }
        }
        return best;
    }

    /**
     * Whether a dense layer of these sizes runs here: a multiple of 4 inputs (whole vectors) up to
     * {@value #MAX_IN}, at most {@value #MAX_OUT} outputs. The code generator asks this at compile time
     * (with the same numbers) to choose between this op and {@link Dense}.
     */
    public static boolean suits(int in, int out) {
        return in >= 4 && in % 4 == 0 && in <= MAX_IN && out >= 1 && out <= MAX_OUT;
    }

    /**
     * The device memory it allocates: weight and bias (their gradients come with the first backward:
     * {@link Parameter}). Nothing is allocated.
     */
    public static DeviceMemory deviceMemory(int in, int out) {
        return DeviceMemory.floats((long) out * in).plus(DeviceMemory.floats(out));
    }

    /** weight, then bias. */
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    public void forward(Tensor output, Tensor input) {
        TensorChecks.requireCapacity(input, (long) batch * in, label(), "input");
        TensorChecks.requireCapacity(output, (long) batch * out, label(), "output");
        forwardKernel.launch(forwardItems, null, output, input, weight.value(), bias.value());
    }

    /** As {@link Dense#backward}: overwrites parameter gradients; {@code dInput} may be null; {@code dOutput} is left as it was. */
    public void backward(Tensor dInput, Tensor dOutput, Tensor input, Tensor output) {
        if (dInput != null) {
            TensorChecks.requireCapacity(dInput, (long) batch * in, label(), "dInput");
        }
        TensorChecks.requireCapacity(dOutput, (long) batch * out, label(), "dOutput");
        TensorChecks.requireCapacity(input, (long) batch * in, label(), "input");
        TensorChecks.requireCapacity(output, (long) batch * out, label(), "output");
        weightGradient.launch(weightGradientItems, null, weight.grad(), bias.grad(), dOutput, output, input);
        if (dInput != null) {
            inputGradient.launch(inputGradientItems, null, dInput, dOutput, output, weight.value());
        }
    }

    private String label() {
        return "SmallDense '" + name + "'";
    }

    @Override
    public void close() {
        try (weight; bias) {
            // try-with-resources closes both, even if one fails
        }
    }
}
