package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.reference.PoolReference;
import netc.runtime.reference.PoolReference.MaxResult;
import netc.runtime.reference.PoolShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MaxPool2dTest {
    /**
     * Backward sums at most ceil(5/2)^2 = 9 gradients of magnitude <= 1 in float: at most 8 roundings of
     * a partial sum <= 9, i.e. 8 * 9 * 2^-24 ~ 4.3e-6; 1e-5 leaves margin yet catches any misrouted
     * gradient (each is at least ~1e-3 in size with probability ~0.999).
     */
    private static final double BACKWARD_TOLERANCE = 1e-5;

    @TestDevice private static Device device;

    static java.util.stream.Stream<PoolShape> shapes() {
        return PoolingShapes.all();
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void matchesTheReferenceOnRandomValues(PoolShape s) {
        Random random = new Random(s.hashCode());
        check(s, TestArrays.uniform(random, s.inSize(), -1, 1), TestArrays.uniform(random, s.outSize(), -1, 1));
    }

    /** Three levels make most windows tie: the first maximum in row-major window order must win. */
    @ParameterizedTest
    @MethodSource("shapes")
    void breaksTiesAsPyTorchOnManyTies(PoolShape s) {
        Random random = new Random(~s.hashCode());
        check(s, TestArrays.fewLevels(random, s.inSize(), 3), TestArrays.uniform(random, s.outSize(), -1, 1));
    }

    /** Overlapping windows' gradients are summed in PyTorch's order (windows row-major), so bit for bit as there. */
    @ParameterizedTest
    @MethodSource("shapes")
    void sumsOverlapsInPyTorchsOrderBitForBit(PoolShape s) {
        Random random = new Random(11 * s.hashCode());
        // Few levels: many windows share a maximum, so many elements sum several gradients.
        float[] input = TestArrays.fewLevels(random, s.inSize(), 2);
        float[] dOutput = TestArrays.uniform(random, s.outSize(), -1, 1);
        float[] dInput = run(s, input, dOutput, new float[s.outSize()]);
        int[] argmax = PoolReference.maxForward(s, TestArrays.toDouble(input)).argmax();
        assertArrayEquals(PoolReference.maxBackwardInFloat(s, argmax, dOutput), dInput, 0f, s.toString());
    }

    /** About one value in eight is NaN: a NaN always wins, and a later NaN in the window wins over an earlier one. */
    @ParameterizedTest
    @MethodSource("shapes")
    void nanWinsEveryWindowItIsIn(PoolShape s) {
        Random random = new Random(3 * s.hashCode());
        float[] input = TestArrays.uniform(random, s.inSize(), -1, 1);
        for (int i = 0; i < input.length; i++) {
            if (random.nextInt(8) == 0) {
                input[i] = Float.NaN;
            }
        }
        check(s, input, TestArrays.uniform(random, s.outSize(), -1, 1));
    }

    /** Every value -inf: no window may pick padding, each routes to its first real element. */
    @ParameterizedTest
    @MethodSource("shapes")
    void anAllMinusInfinityInputRoutesEveryWindowToItsFirstRealElement(PoolShape s) {
        float[] input = new float[s.inSize()];
        Arrays.fill(input, Float.NEGATIVE_INFINITY);
        check(s, input, TestArrays.uniform(new Random(5 * s.hashCode()), s.outSize(), -1, 1));
    }

    /** The arg-max is stored as an offset in the window: the last offset of a 16x16 (255) and 17x17 (288) window. */
    @ParameterizedTest
    @MethodSource("largeWindows")
    void routesToTheLastElementOfLargeWindows(int kernel) {
        PoolShape s = new PoolShape(1, 1, kernel, kernel + 7, kernel, 1, 0);
        Random random = new Random(kernel);
        float[] input = TestArrays.uniform(random, s.inSize(), -1, 1);
        int last = (kernel - 1) * s.w() + kernel + 6; // bottom-right corner: the last element of the last window
        input[last] = 2;
        float[] dOutput = TestArrays.uniform(random, s.outSize(), -1, 1);
        float[] output = new float[s.outSize()];
        float[] dInput = run(s, input, dOutput, output);
        assertEquals(2f, output[s.outSize() - 1]);
        assertEquals(dOutput[s.outSize() - 1], dInput[last]);
        check(s, input, dOutput);
    }

    static java.util.stream.IntStream largeWindows() {
        return java.util.stream.IntStream.of(16, 17);
    }

    /**
     * d2l's padded pools: ResNet's stem (3x3, stride 2, padding 1 on 48x48 maps at 96x96 input) and
     * GoogLeNet's Inception branch (3x3, stride 1, padding 1, the map size kept), at odd sizes too.
     */
    static Stream<PoolShape> paddedShapes() {
        return Stream.of(
                new PoolShape(2, 3, 48, 48, 3, 2, 1),  // ResNet-18 stem
                new PoolShape(1, 2, 47, 45, 3, 2, 1),  // odd sizes: the last window's right column is padding
                new PoolShape(2, 3, 12, 12, 3, 1, 1),  // Inception branch on a 12x12 map
                new PoolShape(1, 2, 7, 9, 3, 1, 1));   // Inception branch, odd sizes, 4 lanes
    }

    @ParameterizedTest
    @MethodSource("paddedShapes")
    void paddedPoolsMatchTheReference(PoolShape s) {
        assertEquals(s.stride() == 1 ? s.h() : (s.h() + 1) / 2, s.outH(), "the padded shapes keep or halve the map");
        Random random = new Random(13 * s.hashCode());
        check(s, TestArrays.uniform(random, s.inSize(), -1, 1), TestArrays.uniform(random, s.outSize(), -1, 1));
        check(s, TestArrays.fewLevels(random, s.inSize(), 3), TestArrays.uniform(random, s.outSize(), -1, 1));
    }

    /**
     * Every value negative: padding read as 0 would win every border window. Padding counts as minus
     * infinity, so each window's maximum is one of its real values, and every gradient lands on a real
     * element: dInput sums to dOutput's sum.
     */
    @ParameterizedTest
    @MethodSource("paddedShapes")
    void paddingIsMinusInfinityForwardAndBackward(PoolShape s) {
        Random random = new Random(17 * s.hashCode());
        float[] input = TestArrays.uniform(random, s.inSize(), -2, -1);
        float[] dOutput = TestArrays.uniform(random, s.outSize(), 0.5f, 1);
        float[] output = new float[s.outSize()];
        float[] dInput = run(s, input, dOutput, output);
        for (float value : output) {
            assertTrue(value >= -2 && value < -1, "a padded window's maximum must be a real value, got " + value);
        }
        double inSum = Arrays.stream(TestArrays.toDouble(dInput)).sum();
        double outSum = Arrays.stream(TestArrays.toDouble(dOutput)).sum();
        assertEquals(outSum, inSum, 1e-6 * outSum, "gradient lost to padding");
        check(s, input, dOutput);
    }

    @Test
    void aConstantInputRoutesEveryWindowToItsTopLeftElementAndSumsOverlaps() {
        // 5x5, kernel 3, stride 2: windows start at rows/columns 0 and 2, so element (2, 2) is the
        // top-left of window (1, 1) only, yet lies inside all four windows.
        PoolShape s = new PoolShape(1, 1, 5, 5, 3, 2, 0);
        float[] dOutput = {1, 10, 100, 1000};
        float[] dInput = run(s, new float[25], dOutput, new float[4]);
        float[] expected = new float[25];
        expected[0] = 1;
        expected[2] = 10;
        expected[10] = 100;
        expected[12] = 1000;
        assertArrayEquals(expected, dInput);
    }

    @Test
    void sumsTheGradientsOfOverlappingWindowsThatShareTheirMaximum() {
        // The single maximum at (2, 2) is in all four 3x3 windows of a 5x5 input with stride 2.
        PoolShape s = new PoolShape(1, 1, 5, 5, 3, 2, 0);
        float[] input = new float[25];
        input[12] = 5;
        float[] output = new float[4];
        float[] dInput = run(s, input, new float[] {1, 2, 4, 8}, output);
        assertArrayEquals(new float[] {5, 5, 5, 5}, output);
        assertEquals(15f, dInput[12]);
        assertEquals(15f, (float) Arrays.stream(TestArrays.toDouble(dInput)).sum());
    }

    @Test
    void paddingNeverWinsEvenAgainstMinusInfinity() {
        // Every window of a 3x3 all -inf input with padding 1 holds padding; the arg-max must still be a
        // real element (the first one of the window), as PyTorch's.
        PoolShape s = new PoolShape(1, 1, 3, 3, 2, 2, 1);
        float[] input = new float[9];
        Arrays.fill(input, Float.NEGATIVE_INFINITY);
        float[] output = new float[s.outSize()];
        float[] dInput = run(s, input, new float[] {1, 2, 3, 4}, output);
        MaxResult reference = PoolReference.maxForward(s, TestArrays.toDouble(input));
        assertArrayEquals(TestArrays.toFloat(reference.output()), output);
        assertArrayEquals(TestArrays.toFloat(PoolReference.maxBackward(s, reference.argmax(), new double[] {1, 2, 3, 4})), dInput);
        assertEquals(1f, dInput[0]); // window (0, 0) covers only (0, 0) of the real input
    }

    @Test
    void usesTheConstructorShapeInsideLargerWorkspaceTensorsAndOverwritesDInput() {
        PoolShape s = new PoolShape(2, 3, 7, 5, 3, 2, 1);
        Random random = new Random(7);
        float[] input = TestArrays.uniform(random, s.inSize(), -1, 1);
        float[] dOutput = TestArrays.uniform(random, s.outSize(), -1, 1);
        try (MaxPool2d pool = new MaxPool2d(device, s.n(), s.c(), s.h(), s.w(), s.kernel(), s.stride(), s.padding());
                Tensor in = new Tensor(device, s.inSize() + 50);
                Tensor out = new Tensor(device, s.outSize() + 50);
                Tensor dOut = new Tensor(device, s.outSize() + 50);
                Tensor dIn = new Tensor(device, s.inSize() + 50)) {
            in.upload(Arrays.copyOf(input, s.inSize() + 50));
            dOut.upload(Arrays.copyOf(dOutput, s.outSize() + 50));
            float[] garbage = new float[s.inSize() + 50];
            Arrays.fill(garbage, 99f);
            dIn.upload(garbage);
            pool.forward(out, in);
            pool.backward(dIn, dOut);
            float[] got = dIn.download();
            MaxResult reference = PoolReference.maxForward(s, TestArrays.toDouble(input));
            assertArrayEquals(TestArrays.toFloat(reference.output()), Arrays.copyOf(out.download(), s.outSize()));
            assertClose(PoolReference.maxBackward(s, reference.argmax(), TestArrays.toDouble(dOutput)), Arrays.copyOf(got, s.inSize()));
            assertEquals(99f, got[s.inSize()], "elements past the layer's own size stay untouched");
        }
    }

    /**
     * A pool after a ReLU applies the ReLU's derivative in its backward: the input is ReLU'd values (about
     * half of them exactly 0, and some windows all 0), and dInput must be the plain pool's backward of
     * dOutput where the window's maximum is positive and nothing where it is 0, which is the chain rule
     * through ReLU then max pooling; the forward is the plain pool's, exactly.
     */
    @ParameterizedTest
    @MethodSource("shapes")
    void afterAReluTheBackwardAppliesItsDerivative(PoolShape s) {
        Random random = new Random(19 * s.hashCode());
        float[] input = TestArrays.uniform(random, s.inSize(), -1, 1);
        for (int i = 0; i < input.length; i++) {
            input[i] = Math.max(0f, random.nextInt(4) == 0 ? -1f : input[i]); // more zeros: whole windows of 0
        }
        float[] dOutput = TestArrays.uniform(random, s.outSize(), -1, 1);
        MaxResult reference = PoolReference.maxForward(s, TestArrays.toDouble(input));
        double[] maskedDOutput = new double[s.outSize()];
        for (int o = 0; o < maskedDOutput.length; o++) {
            maskedDOutput[o] = reference.output()[o] > 0 ? dOutput[o] : 0;
        }
        try (MaxPool2d pool = MaxPool2d.afterRelu(device, s.n(), s.c(), s.h(), s.w(), s.kernel(), s.stride(),
                s.padding());
                Tensor in = new Tensor(device, s.n(), s.c(), s.h(), s.w());
                Tensor out = new Tensor(device, s.n(), s.c(), s.outH(), s.outW());
                Tensor dOut = new Tensor(device, s.n(), s.c(), s.outH(), s.outW());
                Tensor dIn = new Tensor(device, s.n(), s.c(), s.h(), s.w())) {
            in.upload(input);
            dOut.upload(dOutput);
            pool.forward(out, in);
            pool.backward(dIn, dOut);
            assertArrayEquals(TestArrays.toFloat(reference.output()), out.download(), s.toString());
            assertClose(PoolReference.maxBackward(s, reference.argmax(), maskedDOutput), dIn.download());
        }
    }

    @Test
    void rejectsTooSmallTensorsAndBadGeometryWithOneSentence() {
        try (MaxPool2d pool = new MaxPool2d(device, 1, 1, 4, 4, 2, 2, 0); Tensor small = new Tensor(device, 3);
                Tensor input = new Tensor(device, 16)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.forward(small, input));
            assertTrue(e.getMessage().contains("output") && e.getMessage().contains("4 are needed"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> pool.backward(input, small));
        }
        IllegalArgumentException padding = assertThrows(IllegalArgumentException.class,
                () -> new MaxPool2d(device, 1, 1, 4, 4, 3, 1, 2));
        assertTrue(padding.getMessage().contains("padding 2"), padding.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(device, 1, 1, 2, 2, 3, 1, 0));
    }

    private void check(PoolShape s, float[] input, float[] dOutput) {
        float[] output = new float[s.outSize()];
        float[] dInput = run(s, input, dOutput, output);
        MaxResult reference = PoolReference.maxForward(s, TestArrays.toDouble(input));
        // Forward selects, never computes: it must be exact.
        assertArrayEquals(TestArrays.toFloat(reference.output()), output, s.toString());
        assertClose(PoolReference.maxBackward(s, reference.argmax(), TestArrays.toDouble(dOutput)), dInput);
    }

    /** Runs forward then backward on the device; fills {@code output} and returns dInput. */
    private float[] run(PoolShape s, float[] input, float[] dOutput, float[] output) {
        try (MaxPool2d pool = new MaxPool2d(device, s.n(), s.c(), s.h(), s.w(), s.kernel(), s.stride(), s.padding());
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
            System.arraycopy(out.download(), 0, output, 0, output.length);
            return dIn.download();
        }
    }

    private static void assertClose(double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], BACKWARD_TOLERANCE, "dInput[" + i + "]");
        }
    }

}
