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
import netc.runtime.reference.DenseReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SmallDense on the device against the double-precision reference, which is checked against finite differences. */
class SmallDenseTest {
    /**
     * Float32 sums of at most a few hundred order-1 terms (400 inputs, or a batch of 7) round to ~1e-6 of
     * the largest magnitude; 1e-4 leaves a wide margin while a wrong index, a lost slice or a missed
     * row moves values by a sizeable fraction of it.
     */
    private static final double RELATIVE_TOLERANCE = 1e-4;

    @TestDevice private static Device device;

    record Case(int batch, int in, int out, Activation activation) {}

    static Stream<Case> cases() {
        return Stream.of(
                new Case(1, 8, 5, Activation.RELU),          // batch 1: one row block slid back to 0
                new Case(3, 12, 6, Activation.SIGMOID),      // 4-wide slices; odd batch and outputs: blocks slide back
                new Case(5, 400, 7, Activation.SIGMOID),     // LeNet's fc1 input, 16-wide slices
                new Case(7, 120, 9, Activation.TANH),        // LeNet's fc2 input, 8-wide slices
                new Case(2, 84, 10, Activation.NONE),        // LeNet's fc3
                new Case(6, 16, 3, Activation.RELU),         // fewer outputs than a block
                new Case(9, 84, 13, Activation.RELU),        // 4 x 4 blocks with 4-wide slices, blocks slide back
                new Case(4, 20, 4, Activation.NONE),         // one whole 4 x 4 block
                new Case(3, 96, 6, Activation.TANH),         // gradient items of 3 float16 slices, 2 of them
                new Case(2, 40, 2, Activation.SIGMOID));     // 5 slices in one gradient item, outputs one by one
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forwardAndBackwardMatchTheReference(Case c) {
        Data data = Data.random(c, 17L * c.in() + c.out() + c.batch());
        try (SmallDense dense = new SmallDense(device, "fc", c.batch(), c.in(), c.out(), c.activation())) {
            check(c, data, dense, true);
            check(c, data, dense, false); // a second step overwrites the gradients; the first layer skips dInput
        }
    }

    /** The cases with few inputs: the finite-difference check perturbs every element, one at a time. */
    static Stream<Case> smallCases() {
        return cases().filter(c -> c.in() <= 100);
    }

    @ParameterizedTest
    @MethodSource("smallCases")
    void referenceGradientsMatchFiniteDifferencesForTheseShapes(Case c) {
        Data data = Data.random(c, 9);
        double[] input = toDouble(data.input());
        double[] weight = toDouble(data.weight());
        double[] bias = toDouble(data.bias());
        double[] probe = toDouble(data.dOutput()); // loss = Σ output ⊙ probe
        double[] output = new double[probe.length];
        DenseReference.forward(output, input, weight, bias, c.batch(), c.in(), c.out(), c.activation());
        double[] dInput = new double[input.length];
        double[] dWeight = new double[weight.length];
        double[] dBias = new double[bias.length];
        DenseReference.backward(dInput, dWeight, dBias, probe, input, weight, output, c.batch(), c.in(), c.out(),
                c.activation());
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
    void suitsOnlySmallLayersWithWholeVectorsOfInputs() {
        assertTrue(SmallDense.suits(400, 120), "LeNet fc1");
        assertTrue(SmallDense.suits(84, 10), "LeNet fc3");
        assertFalse(SmallDense.suits(6400, 4096), "AlexNet fc1");
        assertFalse(SmallDense.suits(13, 6), "13 inputs are no whole number of vectors");
        assertFalse(SmallDense.suits(400, 512), "512 outputs");
    }

    @Test
    void gradientWorkItemsTakeADivisorOfTheSlicesWithinEightyFloats() {
        assertEquals(5, SmallDense.gradientSlices(25, 16), "LeNet fc1: 400 = 5 items of 5 x 16");
        assertEquals(5, SmallDense.gradientSlices(15, 8), "LeNet fc2: 120 = 3 items of 5 x 8");
        assertEquals(7, SmallDense.gradientSlices(21, 4), "LeNet fc3: 84 = 3 items of 7 x 4");
        assertEquals(1, SmallDense.gradientSlices(7, 16), "a prime count over 80 floats: 1 each");
        assertEquals(1, SmallDense.gradientSlices(1, 4), "one slice");
    }

    @Test
    void aShapeItDoesNotSuitIsRejectedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SmallDense(device, "fc7", 2, 13, 3, Activation.NONE));
        assertTrue(e.getMessage().contains("fc7") && e.getMessage().contains("use Dense"), e.getMessage());
    }

    /** Random inputs, weights scaled so pre-activations stay of order 1. */
    record Data(float[] input, float[] weight, float[] bias, float[] dOutput) {
        static Data random(Case c, long seed) {
            Random random = new Random(seed);
            return new Data(uniform(random, (long) c.batch() * c.in(), 1),
                    uniform(random, (long) c.out() * c.in(), 1 / Math.sqrt(c.in())),
                    uniform(random, c.out(), 0.5),
                    uniform(random, (long) c.batch() * c.out(), 1));
        }
    }

    private static void check(Case c, Data data, SmallDense dense, boolean withInputGradient) {
        dense.parameters().get(0).value().upload(data.weight());
        dense.parameters().get(1).value().upload(data.bias());
        try (Tensor input = Workspaces.padded(device, data.input(), 0);
             Tensor output = Workspaces.padded(device, new float[data.dOutput().length], 0);
             Tensor dOutput = Workspaces.padded(device, data.dOutput(), 0);
             Tensor dInputTensor = Workspaces.padded(device, new float[data.input().length], 0)) {
            dense.forward(output, input);
            dense.backward(withInputGradient ? dInputTensor : null, dOutput, input, output);
            float[] deviceOutput = output.download();
            String what = " " + c;

            double[] in = toDouble(data.input());
            double[] weight = toDouble(data.weight());
            double[] expected = new double[data.dOutput().length];
            DenseReference.forward(expected, in, weight, toDouble(data.bias()), c.batch(), c.in(), c.out(),
                    c.activation());
            assertClose(expected, deviceOutput, RELATIVE_TOLERANCE, "output" + what);
            // The device's own output feeds the reference backward, so both take ReLU's kink on the same side.
            double[] dInput = withInputGradient ? new double[in.length] : null;
            double[] dWeight = new double[weight.length];
            double[] dBias = new double[c.out()];
            DenseReference.backward(dInput, dWeight, dBias, toDouble(data.dOutput()), in, weight,
                    toDouble(deviceOutput), c.batch(), c.in(), c.out(), c.activation());
            if (withInputGradient) {
                assertClose(dInput, dInputTensor.download(), RELATIVE_TOLERANCE, "dInput" + what);
            }
            assertClose(dWeight, dense.parameters().get(0).grad().download(), RELATIVE_TOLERANCE, "dWeight" + what);
            assertClose(dBias, dense.parameters().get(1).grad().download(), RELATIVE_TOLERANCE, "dBias" + what);
        }
    }
}
