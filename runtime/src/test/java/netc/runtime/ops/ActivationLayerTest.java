package netc.runtime.ops;

import netc.runtime.cl.TestDevice;
import netc.runtime.reference.Activations;
import static netc.runtime.ops.TestArrays.toDouble;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** ActivationLayer against the double reference (reference.Activations), the reference against finite differences. */
class ActivationLayerTest {
    /**
     * Per value, relative to the largest magnitude: ReLU selects (exact); OpenCL's exp and tanh are
     * within 3 and 5 ulp (~3e-7), a sigmoid adds a division and a sum, and the slopes y(1 − y) and
     * 1 − y² carry a few ulp of y on. Measured on PoCL over 1e5 values in [-3, 3]: forward ≤ 9e-8,
     * backward ≤ 2.8e-7 (sigmoid). 1e-6 leaves margin and still catches a wrong formula by orders of
     * magnitude.
     */
    private static final double TOLERANCE = 1e-6;

    @TestDevice private static Device device;

    /** Values per tensor: one float, below, at and past one 16-float group, several groups with a tail. */
    @ParameterizedTest
    @CsvSource({"RELU, 1, 1", "SIGMOID, 1, 15", "TANH, 1, 16", "RELU, 1, 17", "SIGMOID, 3, 37", "TANH, 4, 64",
            "RELU, 5, 123", "SIGMOID, 2, 1000", "TANH, 3, 333"})
    void matchesTheReferenceForwardAndBackward(Activation activation, int batch, int features) {
        int n = batch * features;
        Random random = new Random(n * 31L + activation.ordinal());
        float[] input = TestArrays.uniform(random, n, 3.0);
        float[] dOutput = TestArrays.uniform(random, n, 1.0);
        try (ActivationLayer layer = new ActivationLayer(device, activation, batch, features);
                Tensor in = new Tensor(device, batch, features);
                Tensor out = new Tensor(device, batch, features);
                Tensor dOut = new Tensor(device, batch, features);
                Tensor dIn = new Tensor(device, batch, features)) {
            in.upload(input);
            dOut.upload(dOutput);
            layer.forward(out, in);
            layer.backward(dIn, dOut, out);
            double[] expected = new double[n];
            double[] expectedDx = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = Activations.activate(activation, input[i]);
                expectedDx[i] = dOutput[i] * Activations.slope(activation, expected[i]);
            }
            TestArrays.assertClose(expected, out.download(), TOLERANCE, activation + " output");
            TestArrays.assertClose(expectedDx, dIn.download(), TOLERANCE, activation + " dInput");
        }
    }

    /** The slope from the output, dIn = dOut·f'(f⁻¹(out)), is the derivative of Σ r·f(x) (ReLU away from its kink). */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"RELU", "SIGMOID", "TANH"})
    void theSlopeFromTheOutputMatchesFiniteDifferences(Activation activation) {
        Random random = new Random(activation.ordinal());
        double[] x = toDouble(TestArrays.uniform(random, 50, 3.0));
        double[] r = toDouble(TestArrays.uniform(random, 50, 1.0));
        double[] analytic = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            analytic[i] = r[i] * Activations.slope(activation, Activations.activate(activation, x[i]));
        }
        GradientCheck.check(analytic, x, () -> {
            double loss = 0;
            for (int i = 0; i < x.length; i++) {
                loss += r[i] * Activations.activate(activation, x[i]);
            }
            return loss;
        }, activation + " dInput");
    }

    /**
     * activation.cl computes the sigmoid with its own exp (netc_exp: Cody–Waite reduction, a degree-7
     * polynomial, the exponent written into the bits): checked value by value, relative to each value, from
     * -80 (sigmoid ~2e-35, where exp's own error shows undiluted, as 1 + e^80 is e^80 in float) to 80 (1),
     * 16-float groups and a scalar tail both. 1e-6 of each value is about 8 ulp: exp's reduction and
     * polynomial stay within 2 ulp, the sum and the division add one each; a wrong coefficient or a k off by
     * one misses by far more. Past the clamp (z below -88.3) the result is a float at most 1.3e-38, and it
     * never is NaN or negative.
     */
    @Test
    void theSigmoidIsAccurateOverTheWholeFloatRange() {
        int n = 4001;
        float[] input = new float[n + 4];
        for (int i = 0; i < n; i++) {
            input[i] = -80f + 160f * i / (n - 1);
        }
        float[] beyond = {-88.5f, -100f, -1e30f, Float.NEGATIVE_INFINITY};
        System.arraycopy(beyond, 0, input, n, beyond.length);
        try (ActivationLayer layer = new ActivationLayer(device, Activation.SIGMOID, 1, input.length);
                Tensor in = new Tensor(device, input.length);
                Tensor out = new Tensor(device, input.length)) {
            in.upload(input);
            layer.forward(out, in);
            float[] got = out.download();
            for (int i = 0; i < n; i++) {
                double expected = 1 / (1 + Math.exp(-(double) input[i]));
                assertEquals(expected, got[i], 1e-6 * expected, "sigmoid(" + input[i] + ")");
            }
            for (int i = n; i < input.length; i++) {
                assertTrue(got[i] >= 0 && got[i] <= 1.3e-38, "sigmoid(" + input[i] + ") = " + got[i]);
            }
        }
    }

    @Test
    void worksInPlaceInsideLargerWorkspaces() {
        int n = 2 * 21;
        Random random = new Random(5);
        float[] input = TestArrays.uniform(random, n, 2.0);
        float[] dOutput = TestArrays.uniform(random, n, 1.0);
        try (ActivationLayer layer = new ActivationLayer(device, Activation.TANH, 2, 21);
                Tensor x = Workspaces.padded(device, input, 13);
                Tensor gradient = Workspaces.padded(device, dOutput, 13)) {
            layer.forward(x, x);
            layer.backward(gradient, gradient, x);
            float[] out = x.download();
            float[] dx = gradient.download();
            Workspaces.assertTailUntouched(out, n, "output");
            Workspaces.assertTailUntouched(dx, n, "dInput");
            for (int i = 0; i < n; i++) {
                assertEquals(Math.tanh(input[i]), out[i], TOLERANCE, "output[" + i + "]");
                assertEquals(dOutput[i] * (1 - (double) out[i] * out[i]), dx[i], TOLERANCE, "dInput[" + i + "]");
            }
        }
    }

    /** ReLU passes exactly what it keeps; NaN and negative zero map to +0 as the fused activation does. */
    @Test
    void reluIsExact() {
        float[] input = {-2f, -0f, 0f, Float.MIN_VALUE, 3.5f, Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        try (ActivationLayer relu = new ActivationLayer(device, Activation.RELU, 1, input.length);
                Tensor in = new Tensor(device, input.length);
                Tensor out = new Tensor(device, input.length)) {
            in.upload(input);
            relu.forward(out, in);
            assertArrayEquals(new float[] {0f, 0f, 0f, Float.MIN_VALUE, 3.5f, 0f, 0f, Float.POSITIVE_INFINITY},
                    out.download());
        }
    }

    @Test
    void rejectsTheIdentityAndSmallTensors() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new ActivationLayer(device, Activation.NONE, 1, 4));
        assertTrue(none.getMessage().contains("NONE"), none.getMessage());
        try (ActivationLayer layer = new ActivationLayer(device, Activation.RELU, 2, 4);
                Tensor small = new Tensor(device, 7);
                Tensor in = new Tensor(device, 8)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layer.forward(small, in));
            assertTrue(e.getMessage().contains("output") && e.getMessage().contains("8 are needed"), e.getMessage());
        }
    }
}
