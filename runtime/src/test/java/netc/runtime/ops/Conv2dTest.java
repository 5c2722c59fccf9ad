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
import netc.runtime.reference.ConvReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Conv2d on the device against the double-precision reference, and the reference against finite differences. */
class Conv2dTest {
    /**
     * The device sums in float32 over at most ~400 terms of order 1 (a weight-gradient entry sums
     * batch·Ho·Wo products): rounding stays near 1e-6 of the largest magnitude, so 1e-4 leaves a wide
     * margin, while a wrong index or a missed term shifts values by a sizeable fraction of it.
     */
    private static final double RELATIVE_TOLERANCE = 1e-4;

    @TestDevice private static Device device;

    record Case(int batch, int inChannels, int height, int width, int outChannels, int kernel, int stride,
                int padding, Activation activation) {
        ConvGeometry geometry() {
            return new ConvGeometry(batch, inChannels, height, width, outChannels, kernel, stride, padding);
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(1, 1, 7, 7, 2, 3, 1, 1, Activation.RELU),      // "same" 3x3, batch 1
                new Case(3, 2, 9, 8, 3, 3, 2, 0, Activation.SIGMOID),   // odd sizes, stride 2, floor mode drops a row
                new Case(3, 3, 11, 10, 4, 5, 3, 2, Activation.TANH),    // 5x5, stride 3, padding 2
                new Case(1, 2, 6, 5, 3, 1, 1, 0, Activation.NONE),      // 1x1 kernel
                new Case(3, 2, 5, 7, 3, 3, 1, 2, Activation.NONE),      // padding wider than half the kernel
                new Case(2, 3, 8, 8, 5, 4, 2, 1, Activation.RELU),      // even kernel
                new Case(2, 2, 3, 1, 2, 3, 1, 2, Activation.TANH),      // a 1-wide input: some kernel columns see only padding
                new Case(3, 3, 7, 6, 2, 1, 2, 0, Activation.SIGMOID),   // 1x1 kernel with stride 2 skips inputs
                new Case(3, 1, 35, 33, 2, 11, 4, 1, Activation.RELU),   // AlexNet's first layer: 11x11, stride 4, padding 1
                // kernel x width above Col2im.ROW_KERNEL_LIMIT: the input gradient takes the per-element col2im
                new Case(2, 2, 3, 131, 2, 5, 3, 2, Activation.RELU));
    }

    /** One layer's random inputs, in float as the device sees them; weights scaled so pre-activations stay of order 1. */
    record Data(float[] input, float[] weight, float[] bias, float[] dOutput) {
        static Data random(ConvGeometry g, long seed) {
            Random random = new Random(seed);
            return new Data(
                    uniform(random, g.batch() * g.inputFloatsPerImage(), 1),
                    uniform(random, (long) g.outChannels() * g.patchSize(), 1 / Math.sqrt(g.patchSize())),
                    uniform(random, g.outChannels(), 0.5),
                    uniform(random, g.batch() * g.outputFloatsPerImage(), 1));
        }
    }

    /** What the device computed: the forward output and the three gradients. */
    record DeviceResult(float[] output, float[] dInput, float[] dWeight, float[] dBias) {}

    @ParameterizedTest
    @MethodSource("cases")
    void forwardAndBackwardMatchTheReference(Case c) {
        ConvGeometry g = c.geometry();
        Data data = Data.random(g, 1 + Arrays.hashCode(new int[] {c.batch(), c.height(), c.kernel(), c.stride()}));
        try (Conv2d conv = new Conv2d(device, "conv", g.batch(), g.inChannels(), g.inHeight(), g.inWidth(),
                g.outChannels(), g.kernel(), g.stride(), g.padding(), c.activation())) {
            assertReferenceResults(g, c.activation(), data, run(device, conv, g, data, 0, true));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void referenceGradientsMatchFiniteDifferences(Case c) {
        ConvGeometry g = c.geometry();
        Data data = Data.random(g, 7);
        ConvReferenceCheck.gradientsMatchFiniteDifferences(g, data.input(), data.weight(), data.bias(), data.dOutput(),
                c.activation());
    }

    /** 0: every backward unfolds its input again; Long.MAX_VALUE: the forward's columns serve the backward. */
    @ParameterizedTest
    @ValueSource(longs = {0, Long.MAX_VALUE})
    void batchesSplitIntoChunksGiveTheSameResults(long retainedBudget) {
        ConvGeometry four = new ConvGeometry(4, 2, 9, 7, 3, 3, 2, 1);
        ConvGeometry three = new ConvGeometry(3, 3, 6, 6, 2, 3, 1, 0);
        long fourPerImage = (long) four.patchSize() * four.positions();
        long threePerImage = (long) three.patchSize() * three.positions();
        try (Conv2d pairs = new Conv2d(device, "pairs", four, Activation.TANH, 3 * fourPerImage, retainedBudget);
             Conv2d singles = new Conv2d(device, "singles", three, Activation.RELU, 2 * threePerImage, retainedBudget)) {
            assertEquals(2, pairs.imagesPerChunk(), "largest divisor of 4 within a 3-image budget");
            assertEquals(1, singles.imagesPerChunk(), "3 has no divisor between 1 and the 2-image budget");
            assertEquals(retainedBudget > 0, pairs.retainsColumns());
            Data fourData = Data.random(four, 11);
            assertReferenceResults(four, Activation.TANH, fourData, run(device, pairs, four, fourData, 0, true));
            Data threeData = Data.random(three, 12);
            assertReferenceResults(three, Activation.RELU, threeData, run(device, singles, three, threeData, 0, true));
        }
    }

    @Test
    void aForwardOnAnotherInputBeforeTheBackwardIsNotMistakenForTheTrainingOne() {
        ConvGeometry g = new ConvGeometry(2, 2, 6, 5, 3, 3, 1, 1);
        Data data = Data.random(g, 21);
        // A budget that keeps the columns, as the default no longer does.
        try (Conv2d conv = new Conv2d(device, "conv", g, Activation.TANH, Conv2d.DEFAULT_COLUMN_BUDGET, 1L << 20);
             Tensor other = new Tensor(device, g.batch() * (int) g.inputFloatsPerImage());
             Tensor otherOutput = new Tensor(device, g.batch() * (int) g.outputFloatsPerImage())) {
            assertTrue(conv.retainsColumns(), "a layer this small keeps its columns within that budget");
            other.upload(uniform(new Random(22), other.size(), 1));
            DeviceResult result = run(device, conv, g, data, 0, true, () -> conv.forward(otherOutput, other));
            assertReferenceResults(g, Activation.TANH, data, result);
        }
    }

    @Test
    void largerWorkspaceTensorsWorkAndKeepTheirTails() {
        ConvGeometry g = new ConvGeometry(3, 2, 7, 9, 3, 3, 2, 1);
        Data data = Data.random(g, 5);
        try (Conv2d conv = new Conv2d(device, "conv", g.batch(), g.inChannels(), g.inHeight(), g.inWidth(),
                g.outChannels(), g.kernel(), g.stride(), g.padding(), Activation.SIGMOID)) {
            assertReferenceResults(g, Activation.SIGMOID, data, run(device, conv, g, data, 37, true));
        }
    }

    @Test
    void backwardOverwritesParameterGradientsAndAcceptsANullInputGradient() {
        ConvGeometry g = new ConvGeometry(2, 2, 6, 7, 3, 3, 1, 1);
        Data data = Data.random(g, 3);
        try (Conv2d conv = new Conv2d(device, "conv", g.batch(), g.inChannels(), g.inHeight(), g.inWidth(),
                g.outChannels(), g.kernel(), g.stride(), g.padding(), Activation.RELU)) {
            run(device, conv, g, data, 0, false);
            DeviceResult second = run(device, conv, g, data, 0, false); // a second step must not add to the first's gradients
            assertReferenceResults(g, Activation.RELU, data, second);
        }
    }

    @Test
    void aTooSmallTensorIsRejectedNamingLayerAndRole() {
        ConvGeometry g = new ConvGeometry(2, 1, 5, 5, 2, 3, 1, 0);
        try (Conv2d conv = new Conv2d(device, "conv7", 2, 1, 5, 5, 2, 3, 1, 0, Activation.NONE);
             Tensor input = new Tensor(device, 2, 1, 5, 4);
             Tensor output = new Tensor(device, (int) (g.batch() * g.outputFloatsPerImage()))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> conv.forward(output, input));
            assertTrue(e.getMessage().contains("conv7") && e.getMessage().contains("input"), e.getMessage());
        }
    }

    @Test
    void aKernelLargerThanThePaddedInputIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(device, "conv", 1, 1, 4, 4, 1, 7, 1, 1, Activation.NONE));
        assertTrue(e.getMessage().contains("7x7"), e.getMessage());
    }

    @Test
    void chunksAreTheLargestDivisorOfTheBatchWithinBudget() {
        assertEquals(128, Conv2d.imagesPerChunk(128, 10, 1280));
        assertEquals(32, Conv2d.imagesPerChunk(128, 10, 639));
        assertEquals(3, Conv2d.imagesPerChunk(6, 10, 50));
        assertEquals(1, Conv2d.imagesPerChunk(7, 10, 69));
        assertEquals(1, Conv2d.imagesPerChunk(4, 10, 5)); // one image even when it exceeds the budget
    }

    /** Runs forward then backward on tensors {@code slack} floats larger than needed, whose tails hold a sentinel. */
    static DeviceResult run(Device device, Convolution conv, ConvGeometry g, Data data, int slack,
                            boolean withInputGradient) {
        return run(device, conv, g, data, slack, withInputGradient, () -> { });
    }

    /** As above, running {@code between} after the forward and before the backward. */
    static DeviceResult run(Device device, Convolution conv, ConvGeometry g, Data data, int slack,
                            boolean withInputGradient, Runnable between) {
        conv.parameters().get(0).value().upload(data.weight());
        conv.parameters().get(1).value().upload(data.bias());
        try (Tensor input = Workspaces.padded(device, data.input(), slack);
             Tensor output = Workspaces.padded(device, new float[data.dOutput().length], slack);
             Tensor dOutput = Workspaces.padded(device, data.dOutput(), slack);
             Tensor dInput = Workspaces.padded(device, new float[data.input().length], slack)) {
            conv.forward(output, input);
            between.run();
            conv.backward(withInputGradient ? dInput : null, dOutput, input, output);
            float[] out = output.download();
            float[] dIn = dInput.download();
            Workspaces.assertTailUntouched(out, data.dOutput().length, "output");
            Workspaces.assertTailUntouched(dIn, data.input().length, "dInput");
            return new DeviceResult(TestArrays.prefix(out, data.dOutput().length),
                    withInputGradient ? TestArrays.prefix(dIn, data.input().length) : null,
                    conv.parameters().get(0).grad().download(), conv.parameters().get(1).grad().download());
        }
    }

    private static void assertReferenceResults(ConvGeometry g, Activation activation, Data data, DeviceResult result) {
        assertReferenceResults(g, activation, data, result, RELATIVE_TOLERANCE);
    }

    /** Each of the device's results within {@code tolerance} of the largest reference value of its kind. */
    static void assertReferenceResults(ConvGeometry g, Activation activation, Data data, DeviceResult result,
                                       double tolerance) {
        double[] input = toDouble(data.input());
        double[] weight = toDouble(data.weight());
        double[] output = new double[data.dOutput().length];
        ConvReference.forward(output, input, weight, toDouble(data.bias()), ConvReferenceCheck.shape(g), activation);
        assertClose(output, result.output(), tolerance, "output");

        // The device's own output feeds the reference backward, so both take ReLU's kink on the same side.
        double[] dInput = result.dInput() == null ? null : new double[input.length];
        double[] dWeight = new double[weight.length];
        double[] dBias = new double[g.outChannels()];
        ConvReference.backward(dInput, dWeight, dBias, toDouble(data.dOutput()), input, weight,
                toDouble(result.output()), ConvReferenceCheck.shape(g), activation);
        if (dInput != null) {
            assertClose(dInput, result.dInput(), tolerance, "dInput");
        }
        assertClose(dWeight, result.dWeight(), tolerance, "dWeight");
        assertClose(dBias, result.dBias(), tolerance, "dBias");
    }

}
