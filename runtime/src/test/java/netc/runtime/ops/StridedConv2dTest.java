package netc.runtime.ops;

import static netc.runtime.ops.TestArrays.assertClose;
import static netc.runtime.ops.TestArrays.toDouble;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.ops.DirectConv2dTest.Conv2dData;
import netc.runtime.reference.ConvReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * StridedConv2d on the device against the double-precision reference, whose own gradients are checked
 * against finite differences for the same small shapes below.
 */
class StridedConv2dTest {
    /**
     * Float32 sums of products of order 1: a weight-gradient entry sums up to batch·Ho·Wo = 6000 of them
     * (in partial sums of a few hundred), an output K² · C ≤ 363. Rounding stays near 1e-6 of the largest
     * magnitude, so 1e-4 of it leaves a wide margin, while a wrong index or a missed term moves values by a
     * sizeable fraction of it.
     */
    private static final double RELATIVE_TOLERANCE = 1e-4;

    @TestDevice private static Device device;

    /** Small enough for finite differences of the reference. */
    static Stream<ConvGeometry> smallShapes() {
        return Stream.of(
                new ConvGeometry(1, 1, 23, 23, 5, 11, 4, 1),  // AlexNet conv1's kernel, stride and padding, batch 1
                new ConvGeometry(3, 1, 27, 25, 17, 11, 4, 0), // odd batch, non-square, 17 channels: two vectors
                new ConvGeometry(2, 3, 11, 13, 8, 7, 2, 3),   // 3 input channels, stride 2, ResNet's 7x7 padding
                new ConvGeometry(2, 2, 9, 8, 3, 3, 3, 1),     // a small kernel at stride 3, 2 channels
                new ConvGeometry(1, 1, 7, 9, 4, 3, 2, 0));    // small kernel, stride 2, no padding
    }

    /** The small ones, and wider rows (several forward blocks) and more images than weight-gradient parts. */
    static Stream<ConvGeometry> shapes() {
        return Stream.concat(smallShapes(), Stream.of(
                new ConvGeometry(1, 1, 67, 71, 5, 11, 4, 1),  // 15 x 16 outputs: two blocks of 8 a row
                new ConvGeometry(20, 1, 43, 45, 40, 11, 4, 1), // 3 vectors of channels: 16 parts for 20 images
                new ConvGeometry(2, 3, 47, 45, 33, 7, 2, 3))); // 21 x 20 outputs, 3 blocks sliding back
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void forwardAndBackwardMatchTheReference(ConvGeometry g) {
        for (Activation activation : Activation.values()) {
            Conv2dData data = Conv2dData.random(g, 17 + g.batch() * 5 + g.kernel());
            try (StridedConv2d conv = newConv(g, activation)) {
                check(g, activation, data, conv, true, false);
            }
        }
    }

    /**
     * As AlexNet's generated model calls its first layer: no input gradient, and no output since the max
     * pool after it has applied the ReLU's derivative to dOutput already. Twice, as the gradients are
     * overwritten each step rather than added to.
     */
    @ParameterizedTest
    @MethodSource("shapes")
    void aFirstLayerBehindAMaxPoolGetsItsParameterGradientsFromDOutputAsIs(ConvGeometry g) {
        Conv2dData data = Conv2dData.random(g, 3 + g.inWidth());
        try (StridedConv2d conv = newConv(g, Activation.RELU)) {
            check(g, Activation.RELU, data, conv, false, true);
            check(g, Activation.RELU, data, conv, false, true);
        }
    }

    /**
     * Before a BatchNorm (DenseNet's and ResNet's 7x7 stems) the exact bias gradient is 0 and what comes out is
     * rounding residue, which PyTorch parity tests compare with an absolute floor. Here each channel's dOutput
     * (terms up to 1e-3, Σ|terms| ≈ 2.3 a channel) sums to 0 over 2 images of 48 x 48 outputs: summed a row,
     * then an image at a time the residue measured 2.1e-8, im2col + GEMM's 1.1e-8, one running sum per image
     * 9.6e-8; the tolerance 4e-8 (under 2e-8 of Σ|terms|) tells the two sums apart.
     */
    @Test
    void aBiasGradientThatIsExactlyZeroComesOutNearZero() {
        ConvGeometry g = new ConvGeometry(2, 1, 96, 96, 64, 7, 2, 3);
        int positions = g.positions();
        java.util.Random random = new java.util.Random(3);
        float[] input = TestArrays.uniform(random, g.batch() * g.inputFloatsPerImage(), 1);
        float[] weight = TestArrays.uniform(random, (long) g.outChannels() * g.patchSize(), 0.14);
        float[] dOutput = TestArrays.uniform(random, g.batch() * g.outputFloatsPerImage(), 1e-3);
        for (int o = 0; o < g.outChannels(); o++) { // as a BatchNorm's input gradient: each channel's sum is 0
            double sum = 0;
            for (int n = 0; n < g.batch(); n++) {
                for (int p = 0; p < positions; p++) {
                    sum += dOutput[(n * g.outChannels() + o) * positions + p];
                }
            }
            for (int n = 0; n < g.batch(); n++) {
                for (int p = 0; p < positions; p++) {
                    dOutput[(n * g.outChannels() + o) * positions + p] -= (float) (sum / (g.batch() * positions));
                }
            }
        }
        double[] exact = new double[g.outChannels()];
        for (int o = 0; o < g.outChannels(); o++) {
            for (int n = 0; n < g.batch(); n++) {
                for (int p = 0; p < positions; p++) {
                    exact[o] += dOutput[(n * g.outChannels() + o) * positions + p]; // the float terms, summed in double
                }
            }
        }
        try (StridedConv2d conv = newConv(g, Activation.NONE);
             Tensor in = Workspaces.padded(device, input, 0);
             Tensor out = Workspaces.padded(device, new float[dOutput.length], 0);
             Tensor dOut = Workspaces.padded(device, dOutput, 0)) {
            conv.parameters().get(0).value().upload(weight);
            conv.forward(out, in);
            conv.backward(null, dOut, in, out);
            float[] dBias = conv.parameters().get(1).grad().download();
            for (int o = 0; o < g.outChannels(); o++) {
                double error = Math.abs(dBias[o] - exact[o]);
                int channel = o;
                assertTrue(error <= 4e-8, () -> "dBias[" + channel + "]: " + dBias[channel] + ", exact " + exact[channel]);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("smallShapes")
    void referenceGradientsMatchFiniteDifferencesForTheseShapes(ConvGeometry g) {
        Conv2dData data = Conv2dData.random(g, 11);
        ConvReferenceCheck.gradientsMatchFiniteDifferences(g, data.input(), data.weight(), data.bias(), data.dOutput(),
                Activation.TANH);
    }

    @Test
    void suitsStridedLayersWithFewInputChannelsAndLargeKernels() {
        assertTrue(StridedConv2d.suits(1, 11, 4, 1), "AlexNet conv1");
        assertTrue(StridedConv2d.suits(3, 7, 2, 3), "ResNet's 7x7 stride-2 stem");
        assertFalse(StridedConv2d.suits(1, 5, 1, 2), "stride 1: DirectConv2d's or the GEMM's");
        assertFalse(StridedConv2d.suits(1, 3, 2, 1), "a small kernel: few im2col copies");
        assertFalse(StridedConv2d.suits(64, 7, 2, 3), "64 input channels: a GEMM's inner dimension is long");
        assertFalse(StridedConv2d.suits(1, 11, 4, 11), "padding as wide as the kernel");
    }

    private static StridedConv2d newConv(ConvGeometry g, Activation activation) {
        return new StridedConv2d(device, "conv", g.batch(), g.inChannels(), g.inHeight(), g.inWidth(),
                g.outChannels(), g.kernel(), g.stride(), g.padding(), activation);
    }

    /**
     * Forward then backward on the device, every result compared with the reference. With
     * {@code throughActivation}, dOutput is first multiplied by the activation's slope at the device's output
     * and passed with no output, as a model does when the layer after has applied the slope.
     */
    private static void check(ConvGeometry g, Activation activation, Conv2dData data, StridedConv2d conv,
                              boolean withInputGradient, boolean throughActivation) {
        conv.parameters().get(0).value().upload(data.weight());
        conv.parameters().get(1).value().upload(data.bias());
        String what = activation + " " + g;
        try (Tensor input = Workspaces.padded(device, data.input(), 0);
             Tensor output = Workspaces.padded(device, new float[data.dOutput().length], 0);
             Tensor dInputTensor = Workspaces.padded(device, new float[data.input().length], 0)) {
            conv.forward(output, input);
            float[] deviceOutput = output.download();
            double[] in = toDouble(data.input());
            double[] weight = toDouble(data.weight());
            double[] expected = new double[data.dOutput().length];
            ConvReference.forward(expected, in, weight, toDouble(data.bias()), ConvReferenceCheck.shape(g), activation);
            assertClose(expected, deviceOutput, RELATIVE_TOLERANCE, "output " + what);

            float[] dOut = data.dOutput().clone();
            if (throughActivation) { // ReLU's slope: 1 where the output is positive, else 0
                for (int j = 0; j < dOut.length; j++) {
                    dOut[j] = deviceOutput[j] > 0 ? dOut[j] : 0;
                }
            }
            try (Tensor dOutput = Workspaces.padded(device, dOut, 0)) {
                conv.backward(withInputGradient ? dInputTensor : null, dOutput, input,
                        throughActivation ? null : output);
            }
            // The device's own output feeds the reference backward, so both take ReLU's kink on the same side.
            double[] dInput = withInputGradient ? new double[in.length] : null;
            double[] dWeight = new double[weight.length];
            double[] dBias = new double[g.outChannels()];
            ConvReference.backward(dInput, dWeight, dBias, toDouble(dOut), in, weight, toDouble(deviceOutput),
                    ConvReferenceCheck.shape(g), throughActivation ? Activation.NONE : activation);
            if (withInputGradient) {
                assertClose(dInput, dInputTensor.download(), RELATIVE_TOLERANCE, "dInput " + what);
            }
            assertClose(dWeight, conv.parameters().get(0).grad().download(), RELATIVE_TOLERANCE, "dWeight " + what);
            assertClose(dBias, conv.parameters().get(1).grad().download(), RELATIVE_TOLERANCE, "dBias " + what);
        }
    }

}
