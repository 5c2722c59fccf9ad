package netc.runtime.ops;

import static netc.runtime.ops.TestArrays.assertClose;
import static netc.runtime.ops.TestArrays.toDouble;
import static netc.runtime.ops.TestArrays.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.reference.DenseReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dense on the device against the double-precision reference, and the reference against finite differences. */
class DenseTest {
    /**
     * Float32 sums of at most ~40 order-1 terms round to ~1e-6 of the largest magnitude; 1e-4 leaves a
     * wide margin while a wrong index or transpose moves values by a sizeable fraction of it.
     */
    private static final double RELATIVE_TOLERANCE = 1e-4;

    @TestDevice private static Device device;

    record Case(int batch, int in, int out, Activation activation) {}

    /**
     * Batches 1 and 2 run every pass as its small-batch kernel, 3 the forward and weight gradient, and
     * the two past SmallBatchDenseForward.MAX_BATCH every pass on the GEMMs.
     */
    static Stream<Case> cases() {
        return Stream.of(
                new Case(1, 7, 5, Activation.RELU),
                new Case(3, 13, 6, Activation.SIGMOID),
                new Case(3, 9, 11, Activation.TANH),
                new Case(2, 5, 3, Activation.NONE),
                new Case(SmallBatchDenseForward.MAX_BATCH + 1, 19, 6, Activation.RELU),
                new Case(SmallBatchDenseForward.MAX_BATCH + 3, 11, 9, Activation.TANH),
                // Outputs of whole vectors plus a tail in the fused bias and activation gradient.
                new Case(SmallBatchDenseForward.MAX_BATCH + 5, 23, 37, Activation.SIGMOID),
                new Case(SmallBatchDenseForward.MAX_BATCH + 2, 17, 32, Activation.NONE));
    }

    /** One layer's random inputs, in float as the device sees them; weights scaled so pre-activations stay of order 1. */
    record Data(float[] input, float[] weight, float[] bias, float[] dOutput) {
        static Data random(Case c, long seed) {
            Random random = new Random(seed);
            return new Data(uniform(random, (long) c.batch() * c.in(), 1),
                    uniform(random, (long) c.out() * c.in(), 1 / Math.sqrt(c.in())),
                    uniform(random, c.out(), 0.5),
                    uniform(random, (long) c.batch() * c.out(), 1));
        }
    }

    /** What the device computed: the forward output and the three gradients. */
    record DeviceResult(float[] output, float[] dInput, float[] dWeight, float[] dBias) {}

    @ParameterizedTest
    @MethodSource("cases")
    void forwardAndBackwardMatchTheReference(Case c) {
        Data data = Data.random(c, 31L * c.in() + c.out());
        try (Dense dense = new Dense(device, "fc", c.batch(), c.in(), c.out(), c.activation())) {
            Tensor input = new Tensor(device, c.batch(), c.in());
            assertReferenceResults(c, data, run(dense, c, data, input, 0, true));
        }
    }

    /**
     * A layer large enough that its forward product runs swapped (GemmPlan.swapsNt: few rows, a long
     * input and a weight over 16 MiB), odd sizes so that blocks slide back; its gradients follow the
     * reference that the finite-difference test checks (too many weights to perturb here).
     */
    @Test
    void aLargeLayerWhoseForwardRunsSwappedMatchesTheReference() {
        Case c = new Case(SmallBatchDenseForward.MAX_BATCH + 1, 1031, 4069, Activation.RELU);
        assertTrue(GemmPlan.swapsNt(new GemmShape(false, true, c.batch(), c.out(), c.in(), false)));
        Data data = Data.random(c, 5);
        try (Dense dense = new Dense(device, "fc", c.batch(), c.in(), c.out(), c.activation())) {
            Tensor input = new Tensor(device, c.batch(), c.in());
            assertReferenceResults(c, data, run(dense, c, data, input, 0, true));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void referenceGradientsMatchFiniteDifferences(Case c) {
        Data data = Data.random(c, 9);
        double[] input = toDouble(data.input());
        double[] weight = toDouble(data.weight());
        double[] bias = toDouble(data.bias());
        double[] probe = toDouble(data.dOutput()); // loss = Σ output ⊙ probe, so dLoss/dOutput = probe
        double[] output = new double[probe.length];
        DenseReference.forward(output, input, weight, bias, c.batch(), c.in(), c.out(), c.activation());
        double[] dInput = new double[input.length];
        double[] dWeight = new double[weight.length];
        double[] dBias = new double[bias.length];
        DenseReference.backward(dInput, dWeight, dBias, probe, input, weight, output,
                c.batch(), c.in(), c.out(), c.activation());
        java.util.function.DoubleSupplier loss = () -> {
            double[] out = new double[probe.length];
            DenseReference.forward(out, input, weight, bias, c.batch(), c.in(), c.out(), c.activation());
            return GradientCheck.dot(out, probe);
        };
        GradientCheck.check(dInput, input, loss, "dInput");
        GradientCheck.check(dWeight, weight, loss, "dWeight");
        GradientCheck.check(dBias, bias, loss, "dBias");
    }

    @Test
    void aFlattenedImageBatchIsAcceptedAsInput() {
        Case c = new Case(3, 2 * 3 * 2, 4, Activation.RELU);
        Data data = Data.random(c, 4);
        try (Dense dense = new Dense(device, "fc", c.batch(), c.in(), c.out(), c.activation())) {
            Tensor images = new Tensor(device, 3, 2, 3, 2);
            assertReferenceResults(c, data, run(dense, c, data, images, 0, true));
        }
    }

    @Test
    void largerWorkspaceTensorsWorkAndKeepTheirTails() {
        Case c = new Case(3, 10, 7, Activation.TANH);
        Data data = Data.random(c, 5);
        try (Dense dense = new Dense(device, "fc", c.batch(), c.in(), c.out(), c.activation())) {
            Tensor input = new Tensor(device, c.batch() * c.in() + 29);
            assertReferenceResults(c, data, run(dense, c, data, input, 29, true));
        }
    }

    @Test
    void backwardOverwritesParameterGradientsAndAcceptsANullInputGradient() {
        Case c = new Case(2, 6, 5, Activation.SIGMOID);
        Data data = Data.random(c, 6);
        try (Dense dense = new Dense(device, "fc", c.batch(), c.in(), c.out(), c.activation())) {
            run(dense, c, data, new Tensor(device, c.batch(), c.in()), 0, false);
            DeviceResult second = run(dense, c, data, new Tensor(device, c.batch(), c.in()), 0, false);
            assertReferenceResults(c, data, second);
        }
    }

    /**
     * deviceMemory is exactly what the constructor allocates, with the small-batch kernels (batch 1 and
     * 2: all three; 3: forward and weight gradient) and without (9): 130 outputs make the weight
     * gradient's GEMM pack its right operand, so its scratch counts too.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 9})
    void deviceMemoryIsWhatTheLayerAllocates(int batch) {
        int in = 300;
        int out = 130;
        long before = device.allocatedBytes();
        try (Dense dense = new Dense(device, "fc", batch, in, out, Activation.RELU)) {
            assertEquals(Dense.deviceMemory(batch, in, out).bytes(), device.allocatedBytes() - before);
        }
        assertEquals(before, device.allocatedBytes(), "close frees everything");
    }

    @Test
    void theWeightGradientGemmPacksAtBatchNine() {
        assertTrue(Gemm.deviceMemory(true, false, 130, 300, 9).bytes() > 0);
    }

    @Test
    void aTooSmallTensorIsRejectedNamingLayerAndRole() {
        try (Dense dense = new Dense(device, "fc9", 2, 8, 3, Activation.NONE);
             Tensor input = new Tensor(device, 2, 8);
             Tensor output = new Tensor(device, 2, 2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dense.forward(output, input));
            assertTrue(e.getMessage().contains("fc9") && e.getMessage().contains("output"), e.getMessage());
        }
    }

    /**
     * Runs forward then backward; {@code input} is the (fresh, possibly oversized) tensor to load the
     * input into, the other tensors get {@code slack} extra floats holding a sentinel.
     */
    private static DeviceResult run(Dense dense, Case c, Data data, Tensor input, int slack, boolean withInputGradient) {
        dense.parameters().get(0).value().upload(data.weight());
        dense.parameters().get(1).value().upload(data.bias());
        try (input;
             Tensor output = Workspaces.padded(device, new float[data.dOutput().length], slack);
             Tensor dOutput = Workspaces.padded(device, data.dOutput(), slack);
             Tensor dInput = Workspaces.padded(device, new float[data.input().length], slack)) {
            float[] inputValues = Arrays.copyOf(data.input(), Math.toIntExact(input.size()));
            Arrays.fill(inputValues, data.input().length, inputValues.length, Workspaces.SENTINEL);
            input.upload(inputValues);
            dense.forward(output, input);
            dense.backward(withInputGradient ? dInput : null, dOutput, input, output);
            float[] out = output.download();
            float[] dIn = dInput.download();
            Workspaces.assertTailUntouched(out, data.dOutput().length, "output");
            Workspaces.assertTailUntouched(dIn, data.input().length, "dInput");
            return new DeviceResult(TestArrays.prefix(out, data.dOutput().length),
                    withInputGradient ? TestArrays.prefix(dIn, data.input().length) : null,
                    dense.parameters().get(0).grad().download(), dense.parameters().get(1).grad().download());
        }
    }

    private static void assertReferenceResults(Case c, Data data, DeviceResult result) {
        double[] input = toDouble(data.input());
        double[] weight = toDouble(data.weight());
        double[] output = new double[data.dOutput().length];
        DenseReference.forward(output, input, weight, toDouble(data.bias()), c.batch(), c.in(), c.out(), c.activation());
        assertClose(output, result.output(), RELATIVE_TOLERANCE, "output");

        // The device's own output feeds the reference backward, so both take ReLU's kink on the same side.
        double[] dInput = result.dInput() == null ? null : new double[input.length];
        double[] dWeight = new double[weight.length];
        double[] dBias = new double[c.out()];
        DenseReference.backward(dInput, dWeight, dBias, toDouble(data.dOutput()), input, weight,
                toDouble(result.output()), c.batch(), c.in(), c.out(), c.activation());
        if (dInput != null) {
            assertClose(dInput, result.dInput(), RELATIVE_TOLERANCE, "dInput");
        }
        assertClose(dWeight, result.dWeight(), RELATIVE_TOLERANCE, "dWeight");
        assertClose(dBias, result.dBias(), RELATIVE_TOLERANCE, "dBias");
    }
}
