package netc.runtime.ops;

import static netc.runtime.ops.TestArrays.assertClose;
import static netc.runtime.ops.TestArrays.toDouble;
import static netc.runtime.ops.TestArrays.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * DirectConv2d on the device against the double-precision reference (the same one Conv2dTest checks
 * against finite differences; the reference's own gradient check for these shapes is below).
 */
class DirectConv2dTest {
    /**
     * Float32 sums of at most a few thousand products of order 1 (a weight-gradient entry sums
     * batch·Ho·Wo of them): rounding stays near 1e-6 of the largest magnitude, so 1e-4 of it leaves a
     * wide margin, while a wrong index or a missed term moves values by a sizeable fraction of it.
     */
    private static final double RELATIVE_TOLERANCE = 1e-4;

    @TestDevice private static Device device;

    static Stream<ConvGeometry> shapes() {
        return Stream.of(
                new ConvGeometry(1, 1, 12, 12, 6, 5, 1, 2),   // LeNet's conv1 at batch 1, smaller image
                new ConvGeometry(3, 6, 14, 14, 16, 5, 1, 0),  // LeNet's conv2, odd batch
                new ConvGeometry(2, 3, 9, 7, 5, 3, 1, 1),     // odd, non-square input, "same" 3x3
                new ConvGeometry(5, 2, 6, 5, 3, 4, 1, 3),     // even kernel, padding K-1: the widest the op takes
                new ConvGeometry(3, 2, 3, 1, 2, 3, 1, 2),     // a 1-wide input: some kernel columns see only padding
                new ConvGeometry(1, 2, 5, 6, 3, 1, 1, 0),     // 1x1 kernel
                // the row kernels (conv_direct_rows.cl): rows of 12 to 32 outputs, at most 8 channels out
                new ConvGeometry(3, 2, 17, 19, 5, 3, 1, 1),   // two float16 halves, the second 3 lanes full
                new ConvGeometry(13, 2, 6, 12, 6, 3, 1, 1),   // more images than weight-gradient parts
                new ConvGeometry(2, 1, 9, 30, 7, 5, 1, 2),    // 30 wide, 7 channels
                new ConvGeometry(1, 3, 4, 16, 8, 1, 1, 0),    // exactly one float16, 1x1 kernel
                new ConvGeometry(3, 1, 1, 14, 3, 3, 1, 1));   // one output row: the weight gradient's 4-row pass 3/4 empty
    }

    @Test
    void rowsWideEnoughWithFewChannelsRunTheRowKernels() {
        ConvGeometry[] rows = {new ConvGeometry(1, 1, 12, 12, 6, 5, 1, 2), new ConvGeometry(3, 2, 17, 19, 5, 3, 1, 1),
            new ConvGeometry(2, 1, 9, 30, 7, 5, 1, 2), new ConvGeometry(1, 3, 4, 16, 8, 1, 1, 0),
            new ConvGeometry(3, 1, 1, 14, 3, 3, 1, 1)};
        for (ConvGeometry g : rows) {
            try (DirectConv2d conv = newConv(g, Activation.NONE)) {
                assertTrue(conv.runsRows(), g.toString());
            }
        }
        try (DirectConv2d conv = newConv(new ConvGeometry(3, 6, 14, 14, 16, 5, 1, 0), Activation.NONE)) {
            assertFalse(conv.runsRows(), "LeNet's conv2: 16 channels fill a channel vector");
        }
        assertTrue(DirectConv2d.suitsRows(6, 28, 5, 2), "LeNet's conv1 with its pool");
        assertFalse(DirectConv2d.suitsRows(6, 11, 5, 1), "rows of 11 would leave most lanes idle");
        assertFalse(DirectConv2d.suitsRows(6, 33, 5, 1), "rows of 33 do not fit two float16 vectors");
        assertFalse(DirectConv2d.suitsRows(6, 28, 7, 1), "7 x 7 kernels: 49 vector sums would not stay in registers");
        assertFalse(DirectConv2d.suitsRows(6, 27, 3, 3), "a 3 x 3 pool");
        assertEquals(4 * 32 * 48, DirectConv2d.rowsStagedBytes(1, 28, 28, 5, 2), "LeNet's conv1: 32 padded rows of 48");
        try (DirectConv2d tall = newConv(new ConvGeometry(1, 16, 300, 28, 6, 5, 1, 2), Activation.NONE)) {
            assertFalse(tall.runsRows(), "16 planes of 304 padded rows would not fit the local memory it may stage");
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void forwardAndBackwardMatchTheReference(ConvGeometry g) {
        for (Activation activation : Activation.values()) {
            Conv2dData data = Conv2dData.random(g, 31 + g.batch() * 7 + g.kernel());
            try (DirectConv2d conv = newConv(g, activation)) {
                check(g, activation, data, conv, true);
            }
        }
    }

    @Test
    void aSecondStepOverwritesTheGradientsAndTheFirstLayerSkipsItsInputGradient() {
        ConvGeometry g = new ConvGeometry(4, 1, 10, 9, 6, 5, 1, 2);
        Conv2dData data = Conv2dData.random(g, 5);
        try (DirectConv2d conv = newConv(g, Activation.SIGMOID)) {
            check(g, Activation.SIGMOID, data, conv, false);
            check(g, Activation.SIGMOID, data, conv, false);
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void referenceGradientsMatchFiniteDifferencesForTheseShapes(ConvGeometry g) {
        Conv2dData data = Conv2dData.random(g, 9);
        ConvReferenceCheck.gradientsMatchFiniteDifferences(g, data.input(), data.weight(), data.bias(), data.dOutput(),
                Activation.SIGMOID);
    }

    @Test
    void suitsOnlyStrideOneLayersWithFewChannels() {
        assertTrue(DirectConv2d.suits(1, 28, 6, 5, 1, 2), "LeNet conv1");
        assertTrue(DirectConv2d.suits(6, 14, 16, 5, 1, 0), "LeNet conv2");
        assertFalse(DirectConv2d.suits(1, 224, 96, 11, 4, 1), "AlexNet conv1: stride 4, 96 channels");
        assertFalse(DirectConv2d.suits(16, 28, 32, 3, 1, 1), "32 output channels fill GEMM tiles");
        assertFalse(DirectConv2d.suits(3, 96, 8, 3, 1, 1), "output rows of 96 would not stay in registers");
        assertFalse(DirectConv2d.suits(3, 9, 8, 3, 1, 3), "padding as wide as the kernel");
    }

    @Test
    void aShapeItDoesNotSuitIsRejectedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DirectConv2d(device, "conv9", 1, 1, 16, 16, 4, 3, 2, 0, Activation.NONE));
        assertTrue(e.getMessage().contains("conv9") && e.getMessage().contains("use Conv2d"), e.getMessage());
    }

    private static DirectConv2d newConv(ConvGeometry g, Activation activation) {
        return new DirectConv2d(device, "conv", g.batch(), g.inChannels(), g.inHeight(), g.inWidth(),
                g.outChannels(), g.kernel(), g.stride(), g.padding(), activation);
    }

    /** Random inputs in float, weights scaled so pre-activations stay of order 1. */
    record Conv2dData(float[] input, float[] weight, float[] bias, float[] dOutput) {
        static Conv2dData random(ConvGeometry g, long seed) {
            Random random = new Random(seed);
            return new Conv2dData(
                    uniform(random, g.batch() * g.inputFloatsPerImage(), 1),
                    uniform(random, (long) g.outChannels() * g.patchSize(), 1 / Math.sqrt(g.patchSize())),
                    uniform(random, g.outChannels(), 0.5),
                    uniform(random, g.batch() * g.outputFloatsPerImage(), 1));
        }
    }

    /** Forward then backward on the device, every result compared with the reference. */
    private static void check(ConvGeometry g, Activation activation, Conv2dData data, DirectConv2d conv,
                              boolean withInputGradient) {
        conv.parameters().get(0).value().upload(data.weight());
        conv.parameters().get(1).value().upload(data.bias());
        String what = activation + " " + g;
        try (Tensor input = Workspaces.padded(device, data.input(), 0);
             Tensor output = Workspaces.padded(device, new float[data.dOutput().length], 0);
             Tensor dOutput = Workspaces.padded(device, data.dOutput(), 0);
             Tensor dInputTensor = Workspaces.padded(device, new float[data.input().length], 0)) {
            conv.forward(output, input);
            conv.backward(withInputGradient ? dInputTensor : null, dOutput, input, output);
            float[] deviceOutput = output.download();

            double[] in = toDouble(data.input());
            double[] weight = toDouble(data.weight());
            double[] expected = new double[data.dOutput().length];
            ConvReference.forward(expected, in, weight, toDouble(data.bias()), ConvReferenceCheck.shape(g), activation);
            assertClose(expected, deviceOutput, RELATIVE_TOLERANCE, "output " + what);
            // The device's own output feeds the reference backward, so both take ReLU's kink on the same side.
            double[] dInput = withInputGradient ? new double[in.length] : null;
            double[] dWeight = new double[weight.length];
            double[] dBias = new double[g.outChannels()];
            ConvReference.backward(dInput, dWeight, dBias, toDouble(data.dOutput()), in, weight,
                    toDouble(deviceOutput), ConvReferenceCheck.shape(g), activation);
            if (withInputGradient) {
                assertClose(dInput, dInputTensor.download(), RELATIVE_TOLERANCE, "dInput " + what);
            }
            assertClose(dWeight, conv.parameters().get(0).grad().download(), RELATIVE_TOLERANCE, "dWeight " + what);
            assertClose(dBias, conv.parameters().get(1).grad().download(), RELATIVE_TOLERANCE, "dBias " + what);
        }
    }

}
