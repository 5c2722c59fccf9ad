package netc.runtime.ops;

import static netc.runtime.ops.TestArrays.assertClose;
import static netc.runtime.ops.TestArrays.toDouble;
import static netc.runtime.ops.TestArrays.uniform;
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
import netc.runtime.reference.ConvShape;
import netc.runtime.reference.PoolReference;
import netc.runtime.reference.PoolShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DirectConv2d with its average pool fused ({@link DirectConv2d#pooled}) against the double-precision
 * reference of the convolution followed by the average pool: forward values (the convolution's output and
 * the pooled one), dInput, dWeight and dBias from the pooled output's gradient; and the reference's
 * composed gradient against central finite differences for the smooth activations.
 */
class DirectConvAvgPoolTest {
    /**
     * As DirectConv2dTest's: float32 sums of at most a few thousand order-1 products round near 1e-6 of the
     * largest magnitude; the pool adds a sum of at most 9 values and a division, and spreading the gradient a
     * division, each within an ulp. 1e-4 of the largest magnitude leaves a wide margin, while a window read
     * from the wrong place or a gradient not divided by the area moves values by a sizeable fraction of it.
     */
    private static final double RELATIVE_TOLERANCE = 1e-4;

    @TestDevice private static Device device;

    /** A convolution and the pool window after it (stride = window, no padding). */
    record Case(ConvGeometry conv, int pool) {
        PoolShape poolShape() {
            return new PoolShape(conv.batch(), conv.outChannels(), conv.outHeight(), conv.outWidth(), pool, pool, 0);
        }

        @Override
        public String toString() {
            return conv + " pool " + pool;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(new ConvGeometry(1, 1, 12, 12, 6, 5, 1, 2), 2),   // LeNet's conv1 + pool1, batch 1, smaller image
                new Case(new ConvGeometry(2, 1, 28, 28, 6, 5, 1, 2), 2),   // LeNet's conv1 + pool1: two row blocks per row
                new Case(new ConvGeometry(3, 6, 14, 14, 16, 5, 1, 0), 2),  // LeNet's conv2 + pool2, odd batch
                new Case(new ConvGeometry(2, 3, 9, 7, 5, 4, 1, 1), 2),     // odd input, even kernel: 8 x 6 → 4 x 3
                new Case(new ConvGeometry(1, 2, 22, 22, 4, 1, 1, 0), 2),   // row blocks of 11 rounded to 12, the last sliding back
                new Case(new ConvGeometry(3, 2, 6, 9, 3, 3, 1, 1), 3),     // a 3 x 3 pool: 6 x 9 → 2 x 3
                // the row kernels (conv_direct_rows.cl), besides LeNet's conv1 above
                new Case(new ConvGeometry(2, 3, 8, 30, 5, 3, 1, 0), 2),    // 3 input planes: 6 x 28 → 3 x 14
                new Case(new ConvGeometry(13, 1, 10, 24, 4, 5, 1, 1), 2),  // 8 x 22 → 4 x 11: pooled halves 8 + 3
                new Case(new ConvGeometry(1, 2, 4, 12, 8, 1, 1, 0), 2));   // one float16 half, 1x1 kernel
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forwardAndBackwardMatchTheReferenceConvolutionThenPool(Case c) {
        for (Activation activation : Activation.values()) {
            Data data = Data.random(c, 17 + c.conv().batch() * 5 + c.pool());
            try (DirectConv2d conv = newConv(c, activation)) {
                check(c, activation, data, conv, true);
            }
        }
    }

    @Test
    void aSecondStepOverwritesTheGradientsAndTheFirstLayerSkipsItsInputGradient() {
        Case c = new Case(new ConvGeometry(4, 1, 10, 8, 6, 5, 1, 2), 2); // 10 x 8 output → 5 x 4
        Data data = Data.random(c, 5);
        try (DirectConv2d conv = newConv(c, Activation.SIGMOID)) {
            check(c, Activation.SIGMOID, data, conv, false);
            check(c, Activation.SIGMOID, data, conv, false);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void referenceGradientsThroughThePoolMatchFiniteDifferences(Case c) {
        for (Activation activation : new Activation[] {Activation.NONE, Activation.SIGMOID, Activation.TANH}) {
            Data data = Data.random(c, 9);
            double[] input = toDouble(data.input());
            double[] weight = toDouble(data.weight());
            double[] bias = toDouble(data.bias());
            double[] probe = toDouble(data.dPooled()); // loss = Σ pooled ⊙ probe
            ConvShape shape = ConvReferenceCheck.shape(c.conv());
            double[] output = new double[(int) (c.conv().batch() * c.conv().outputFloatsPerImage())];
            ConvReference.forward(output, input, weight, bias, shape, activation);
            double[] dInput = new double[input.length];
            double[] dWeight = new double[weight.length];
            double[] dBias = new double[bias.length];
            ConvReference.backward(dInput, dWeight, dBias, PoolReference.avgBackward(c.poolShape(), probe), input,
                    weight, output, shape, activation);
            java.util.function.DoubleSupplier loss = () -> {
                double[] out = new double[output.length];
                ConvReference.forward(out, input, weight, bias, shape, activation);
                return GradientCheck.dot(PoolReference.avgForward(c.poolShape(), out), probe);
            };
            GradientCheck.check(dInput, input, loss, activation + " dInput");
            GradientCheck.check(dWeight, weight, loss, activation + " dWeight");
            GradientCheck.check(dBias, bias, loss, activation + " dBias");
        }
    }

    @Test
    void suitsOnlyPoolsWhoseWindowsTileTheOutput() {
        assertTrue(DirectConv2d.suitsPool(28, 28, 2, 2, 0), "LeNet pool1");
        assertTrue(DirectConv2d.suitsPool(10, 10, 2, 2, 0), "LeNet pool2");
        assertFalse(DirectConv2d.suitsPool(28, 28, 3, 2, 0), "overlapping windows (AlexNet's max pools' shape)");
        assertFalse(DirectConv2d.suitsPool(28, 28, 2, 2, 1), "padding");
        assertFalse(DirectConv2d.suitsPool(9, 10, 2, 2, 0), "an odd height: the last row would belong to no window");
        assertFalse(DirectConv2d.suitsPool(10, 10, 1, 1, 0), "a 1 x 1 window is no pool");
    }

    @Test
    void aPoolItDoesNotSuitIsRejectedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DirectConv2d.pooled(device, "conv7", 1, 1, 12, 12, 4, 5, 1, 2, Activation.NONE, 3, 2, 0));
        assertTrue(e.getMessage().contains("conv7") && e.getMessage().contains("AvgPool2d"), e.getMessage());
    }

    @Test
    void thePlainCallsOfAPooledOpAndThePooledCallsOfAPlainOneAreRefused() {
        ConvGeometry g = new ConvGeometry(1, 1, 8, 8, 4, 3, 1, 1);
        try (DirectConv2d pooled = newConv(new Case(g, 2), Activation.NONE);
             DirectConv2d plain = new DirectConv2d(device, "plain", 1, 1, 8, 8, 4, 3, 1, 1, Activation.NONE);
             Tensor input = Workspaces.padded(device, new float[64], 0);
             Tensor output = Workspaces.padded(device, new float[256], 0);
             Tensor small = Workspaces.padded(device, new float[64], 0)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pooled.forward(output, input));
            assertTrue(e.getMessage().contains("forwardPooled"), e.getMessage());
            e = assertThrows(IllegalStateException.class, () -> plain.forwardPooled(output, small, input));
            assertTrue(e.getMessage().contains("DirectConv2d.pooled"), e.getMessage());
        }
    }

    private static DirectConv2d newConv(Case c, Activation activation) {
        ConvGeometry g = c.conv();
        return DirectConv2d.pooled(device, "conv", g.batch(), g.inChannels(), g.inHeight(), g.inWidth(),
                g.outChannels(), g.kernel(), g.stride(), g.padding(), activation, c.pool(), c.pool(), 0);
    }

    /** Random inputs in float, weights scaled so pre-activations stay of order 1; dPooled the pooled output's gradient. */
    record Data(float[] input, float[] weight, float[] bias, float[] dPooled) {
        static Data random(Case c, long seed) {
            ConvGeometry g = c.conv();
            Random random = new Random(seed);
            return new Data(
                    uniform(random, g.batch() * g.inputFloatsPerImage(), 1),
                    uniform(random, (long) g.outChannels() * g.patchSize(), 1 / Math.sqrt(g.patchSize())),
                    uniform(random, g.outChannels(), 0.5),
                    uniform(random, c.poolShape().outSize(), 1));
        }
    }

    /** Forward then backward on the device, every result compared with the reference convolution then pool. */
    private static void check(Case c, Activation activation, Data data, DirectConv2d conv, boolean withInputGradient) {
        ConvGeometry g = c.conv();
        conv.parameters().get(0).value().upload(data.weight());
        conv.parameters().get(1).value().upload(data.bias());
        String what = activation + " " + c;
        int outputFloats = (int) (g.batch() * g.outputFloatsPerImage());
        try (Tensor input = Workspaces.padded(device, data.input(), 0);
             Tensor output = Workspaces.padded(device, new float[outputFloats], 0);
             Tensor pooled = Workspaces.padded(device, new float[data.dPooled().length], 0);
             Tensor dPooled = Workspaces.padded(device, data.dPooled(), 0);
             Tensor dInputTensor = Workspaces.padded(device, new float[data.input().length], 0)) {
            conv.forwardPooled(output, pooled, input);
            conv.backwardPooled(withInputGradient ? dInputTensor : null, dPooled, input, output);
            float[] deviceOutput = output.download();

            double[] in = toDouble(data.input());
            double[] weight = toDouble(data.weight());
            double[] expected = new double[outputFloats];
            ConvReference.forward(expected, in, weight, toDouble(data.bias()), ConvReferenceCheck.shape(g), activation);
            assertClose(expected, deviceOutput, RELATIVE_TOLERANCE, "output " + what);
            assertClose(PoolReference.avgForward(c.poolShape(), expected), pooled.download(), RELATIVE_TOLERANCE,
                    "pooled " + what);
            // The device's own output feeds the reference backward, so both take ReLU's kink on the same side.
            double[] dInput = withInputGradient ? new double[in.length] : null;
            double[] dWeight = new double[weight.length];
            double[] dBias = new double[g.outChannels()];
            ConvReference.backward(dInput, dWeight, dBias,
                    PoolReference.avgBackward(c.poolShape(), toDouble(data.dPooled())), in, weight,
                    toDouble(deviceOutput), ConvReferenceCheck.shape(g), activation);
            if (withInputGradient) {
                assertClose(dInput, dInputTensor.download(), RELATIVE_TOLERANCE, "dInput " + what);
            }
            assertClose(dWeight, conv.parameters().get(0).grad().download(), RELATIVE_TOLERANCE, "dWeight " + what);
            assertClose(dBias, conv.parameters().get(1).grad().download(), RELATIVE_TOLERANCE, "dBias " + what);
        }
    }

}
