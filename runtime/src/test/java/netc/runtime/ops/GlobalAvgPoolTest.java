package netc.runtime.ops;

import static netc.runtime.ops.TestArrays.toDouble;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** GlobalAvgPool against a double reference; the reference's gradient against finite differences. */
class GlobalAvgPoolTest {
    /**
     * Forward, relative to the largest |input|: a plane's float sum of H·W ≤ 576 values in eight lanes
     * rounds at most ~(H·W/8 + 3)·2^-24 of the summed magnitudes, ~4e-6 of max|x| at worst (measured
     * ≤ 6e-8 on PoCL at (4, 64, 24, 24) and (8, 512, 3, 3)); 1e-5 still catches any missing or foreign value (each ~1/H·W of max|x| on average).
     */
    private static final double FORWARD_TOLERANCE = 1e-5;
    /** Backward is one float division per value (≤ 2.5 ulp by OpenCL's rules; correctly rounded on PoCL). */
    private static final double BACKWARD_TOLERANCE = 3e-7;

    @TestDevice private static Device device;

    record Shape(int n, int c, int h, int w) {
        int planes() {
            return n * c;
        }

        int spatial() {
            return h * w;
        }

        int inSize() {
            return planes() * spatial();
        }
    }

    /** Batch 1 and > 1, odd planes, each backward vector width (16, 8, 4, 2, 1 lanes), ResNet's 3x3 end. */
    static Stream<Shape> shapes() {
        return Stream.of(new Shape(1, 1, 1, 1), new Shape(2, 3, 5, 7), new Shape(3, 4, 24, 24),
                new Shape(2, 5, 3, 3), new Shape(1, 2, 4, 2), new Shape(2, 3, 6, 6), new Shape(2, 2, 1, 6),
                new Shape(1, 3, 7, 7));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void matchesTheReferenceForwardAndBackward(Shape s) {
        Random random = new Random(s.hashCode());
        float[] input = TestArrays.uniform(random, s.inSize(), 1.0);
        float[] dOutput = TestArrays.uniform(random, s.planes(), 1.0);
        try (GlobalAvgPool pool = new GlobalAvgPool(device, s.n(), s.c(), s.h(), s.w());
                Tensor in = new Tensor(device, s.n(), s.c(), s.h(), s.w());
                Tensor out = new Tensor(device, s.n(), s.c());
                Tensor dOut = new Tensor(device, s.n(), s.c());
                Tensor dIn = new Tensor(device, s.n(), s.c(), s.h(), s.w())) {
            in.upload(input);
            dOut.upload(dOutput);
            pool.forward(out, in);
            pool.backward(dIn, dOut);
            double[] expected = forward(s, toDouble(input));
            float[] got = out.download();
            for (int p = 0; p < s.planes(); p++) {
                assertEquals(expected[p], got[p], FORWARD_TOLERANCE, "output[" + p + "]");
            }
            float[] dx = dIn.download();
            for (int i = 0; i < s.inSize(); i++) {
                double share = (double) dOutput[i / s.spatial()] / s.spatial();
                assertEquals(share, dx[i], BACKWARD_TOLERANCE * Math.abs(share), "dInput[" + i + "]");
            }
        }
    }

    /** The gradient dInput = dOutput / (H·W) of the loss Σ r·out, by central differences. */
    @ParameterizedTest
    @MethodSource("shapes")
    void theGradientMatchesFiniteDifferences(Shape s) {
        Random random = new Random(7L * s.hashCode());
        double[] x = toDouble(TestArrays.uniform(random, s.inSize(), 1.0));
        double[] r = toDouble(TestArrays.uniform(random, s.planes(), 1.0));
        double[] analytic = new double[s.inSize()];
        for (int i = 0; i < analytic.length; i++) {
            analytic[i] = r[i / s.spatial()] / s.spatial();
        }
        GradientCheck.check(analytic, x, () -> GradientCheck.dot(r, forward(s, x)), "dInput");
    }

    @Test
    void worksInsideLargerWorkspacesAndOverwritesDInput() {
        Shape s = new Shape(2, 3, 4, 4);
        Random random = new Random(3);
        float[] input = TestArrays.uniform(random, s.inSize(), 1.0);
        float[] dOutput = TestArrays.uniform(random, s.planes(), 1.0);
        float[] stale = new float[s.inSize()];
        Arrays.fill(stale, 7f);
        try (GlobalAvgPool pool = new GlobalAvgPool(device, 2, 3, 4, 4);
                Tensor in = Workspaces.padded(device, input, 19);
                Tensor out = Workspaces.padded(device, new float[s.planes()], 19);
                Tensor dOut = Workspaces.padded(device, dOutput, 19);
                Tensor dIn = Workspaces.padded(device, stale, 19)) {
            pool.forward(out, in);
            pool.backward(dIn, dOut);
            float[] output = out.download();
            float[] dx = dIn.download();
            Workspaces.assertTailUntouched(output, s.planes(), "output");
            Workspaces.assertTailUntouched(dx, s.inSize(), "dInput");
            for (int i = 0; i < s.inSize(); i++) {
                assertEquals(dOutput[i / 16] / 16f, dx[i], "dInput[" + i + "]");
            }
            assertEquals((float) forward(s, toDouble(input))[5], output[5], FORWARD_TOLERANCE);
        }
    }

    @Test
    void rejectsEmptyShapesAndSmallTensors() {
        assertThrows(IllegalArgumentException.class, () -> new GlobalAvgPool(device, 1, 0, 3, 3));
        try (GlobalAvgPool pool = new GlobalAvgPool(device, 2, 2, 3, 3); Tensor small = new Tensor(device, 3);
                Tensor in = new Tensor(device, 36)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.forward(small, in));
            assertTrue(e.getMessage().contains("output") && e.getMessage().contains("4 are needed"), e.getMessage());
            assertArrayEquals(new float[3], small.download());
        }
    }

    private static double[] forward(Shape s, double[] x) {
        double[] out = new double[s.planes()];
        for (int i = 0; i < x.length; i++) {
            out[i / s.spatial()] += x[i] / s.spatial();
        }
        return out;
    }
}
