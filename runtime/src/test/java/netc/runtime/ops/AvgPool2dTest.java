package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.reference.PoolReference;
import netc.runtime.reference.PoolShape;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvgPool2dTest {
    /**
     * Values and gradients are in [-1, 1]. A forward window sums k² <= 25 floats, off by at most
     * (k² - 1)·k²·2^-24 before the division by k², so by <= k²·2^-24 ~ 1.5e-6 after it; a backward sum
     * has <= 9 terms of size <= 1/k², off by far less. 1e-5 covers both with margin, while a wrong
     * divisor or a missed window is off by ~1e-2 or more.
     */
    private static final double TOLERANCE = 1e-5;

    @TestDevice private static Device device;

    static Stream<PoolShape> shapes() {
        return PoolingShapes.all();
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void forwardAndBackwardMatchTheReference(PoolShape s) {
        Random random = new Random(s.hashCode());
        float[] input = TestArrays.uniform(random, s.inSize(), -1, 1);
        float[] dOutput = TestArrays.uniform(random, s.outSize(), -1, 1);
        float[][] result = run(s, input, dOutput);
        assertClose(PoolReference.avgForward(s, TestArrays.toDouble(input)), result[0], "output");
        assertClose(PoolReference.avgBackward(s, TestArrays.toDouble(dOutput)), result[1], "dInput");
    }

    /** Each element sums its windows' shares in PyTorch's order (windows row-major), so bit for bit as there. */
    @ParameterizedTest
    @MethodSource("shapes")
    void backwardSumsInPyTorchsOrderBitForBit(PoolShape s) {
        Random random = new Random(17 * s.hashCode());
        float[] dOutput = TestArrays.uniform(random, s.outSize(), -1, 1);
        float[] dInput = run(s, new float[s.inSize()], dOutput)[1];
        Assertions.assertArrayEquals(PoolReference.avgBackwardInFloat(s, dOutput), dInput, 0f, s.toString());
    }

    /**
     * The backward pass must be the forward pass's adjoint: dInput equals the central difference of
     * L(x) = sum(dOutput · avgpool(x)), taken in double on the reference forward. L is linear, so the
     * difference is exact up to double rounding (~1e-13 for a step of 1e-3).
     */
    @ParameterizedTest
    @MethodSource("shapes")
    void backwardMatchesFiniteDifferences(PoolShape s) {
        Random random = new Random(31 * s.hashCode());
        float[] input = TestArrays.uniform(random, s.inSize(), -1, 1);
        float[] dOutput = TestArrays.uniform(random, s.outSize(), -1, 1);
        float[] dInput = run(s, input, dOutput)[1];
        double step = 1e-3;
        double[] x = TestArrays.toDouble(input);
        for (int i = 0; i < x.length; i++) {
            double saved = x[i];
            x[i] = saved + step;
            double up = weightedSum(PoolReference.avgForward(s, x), dOutput);
            x[i] = saved - step;
            double down = weightedSum(PoolReference.avgForward(s, x), dOutput);
            x[i] = saved;
            assertEquals((up - down) / (2 * step), dInput[i], TOLERANCE, s + " dInput[" + i + "]");
        }
    }

    @Test
    void dividesByTheFullWindowAreaAlsoWhereItOverlapsPadding() {
        // count_include_pad: a 2x2 input of ones, kernel 3, padding 1, stride 1 gives 4/9 everywhere.
        PoolShape s = new PoolShape(1, 1, 2, 2, 3, 1, 1);
        float[] output = run(s, new float[] {1, 1, 1, 1}, new float[4])[0];
        for (float value : output) {
            assertEquals(4f / 9f, value, 1e-7);
        }
    }

    @Test
    void usesTheConstructorShapeInsideLargerWorkspaceTensorsAndOverwritesDInput() {
        PoolShape s = new PoolShape(2, 3, 7, 5, 3, 2, 1);
        Random random = new Random(5);
        float[] input = TestArrays.uniform(random, s.inSize(), -1, 1);
        float[] dOutput = TestArrays.uniform(random, s.outSize(), -1, 1);
        int extra = 33;
        try (AvgPool2d pool = new AvgPool2d(device, s.n(), s.c(), s.h(), s.w(), s.kernel(), s.stride(), s.padding());
                Tensor in = new Tensor(device, s.inSize() + extra);
                Tensor out = new Tensor(device, s.outSize() + extra);
                Tensor dOut = new Tensor(device, s.outSize() + extra);
                Tensor dIn = new Tensor(device, s.inSize() + extra)) {
            in.upload(Arrays.copyOf(input, s.inSize() + extra));
            dOut.upload(Arrays.copyOf(dOutput, s.outSize() + extra));
            float[] garbage = new float[s.inSize() + extra];
            Arrays.fill(garbage, -7f);
            dIn.upload(garbage);
            pool.forward(out, in);
            pool.backward(dIn, dOut);
            float[] got = dIn.download();
            assertClose(PoolReference.avgForward(s, TestArrays.toDouble(input)), Arrays.copyOf(out.download(), s.outSize()), "output");
            assertClose(PoolReference.avgBackward(s, TestArrays.toDouble(dOutput)), Arrays.copyOf(got, s.inSize()), "dInput");
            assertEquals(-7f, got[s.inSize()], "elements past the layer's own size stay untouched");
        }
    }

    @Test
    void rejectsTooSmallTensors() {
        try (AvgPool2d pool = new AvgPool2d(device, 1, 2, 4, 4, 2, 2, 0); Tensor small = new Tensor(device, 31);
                Tensor output = new Tensor(device, 8)) {
            assertThrows(IllegalArgumentException.class, () -> pool.forward(output, small));
            assertThrows(IllegalArgumentException.class, () -> pool.backward(small, output));
        }
    }

    /** Runs forward then backward on the device: {output, dInput}. */
    private float[][] run(PoolShape s, float[] input, float[] dOutput) {
        try (AvgPool2d pool = new AvgPool2d(device, s.n(), s.c(), s.h(), s.w(), s.kernel(), s.stride(), s.padding());
                Tensor in = new Tensor(device, s.n(), s.c(), s.h(), s.w());
                Tensor out = new Tensor(device, s.n(), s.c(), s.outH(), s.outW());
                Tensor dOut = new Tensor(device, s.n(), s.c(), s.outH(), s.outW());
                Tensor dIn = new Tensor(device, s.n(), s.c(), s.h(), s.w())) {
            assertEquals(s.outH(), pool.outHeight());
            assertEquals(s.outW(), pool.outWidth());
            in.upload(input);
            dOut.upload(dOutput);
            pool.forward(out, in);
            pool.backward(dIn, dOut);
            return new float[][] {out.download(), dIn.download()};
        }
    }

    private static double weightedSum(double[] values, float[] weights) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i] * weights[i];
        }
        return sum;
    }

    private static void assertClose(double[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE, what + "[" + i + "]");
        }
    }

}
