package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.TestDevice;
import netc.runtime.model.DeviceMemory;
import netc.runtime.reference.GemmReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Batched GEMMs ({@link GemmBatch}): every product of the batch against the double reference, gaps untouched. */
class GemmBatchTest {
    @TestDevice private static Device device;

    record Case(GemmShape shape, int count, int gap) {}

    /**
     * Every transpose and accumulate on odd sizes around the register blocks (1, primes, 17 just over 16),
     * batches of 1, 2 and 5 products, contiguous (gap 0) or with 3 floats between the products' matrices
     * (which must survive, and which misalign every product after the first).
     */
    static Stream<Case> cases() {
        int[][] sizes = {{1, 1, 1}, {7, 13, 5}, {17, 9, 33}, {3, 40, 19}};
        int[] counts = {1, 2, 5};
        List<Case> cases = new ArrayList<>();
        for (int s = 0; s < sizes.length; s++) {
            for (int t = 0; t < 4; t++) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    GemmShape shape = new GemmShape((t & 1) != 0, (t & 2) != 0, sizes[s][0], sizes[s][1], sizes[s][2],
                            accumulate);
                    cases.add(new Case(shape, counts[(s + t) % counts.length], (s + t) % 2 == 0 ? 0 : 3));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void registerBlockedBatchMatchesTheDoubleReference(Case c) {
        try (Gemm gemm = new Gemm(device, c.shape(), GemmVariant.REGISTER_BLOCKED, batch(c))) {
            check(c, gemm, 5, 3, 7);
        }
    }

    /** The tiled variant launches once per product; the offsets must step the same way. */
    @ParameterizedTest
    @MethodSource("cases")
    void tiledBatchMatchesTheDoubleReference(Case c) {
        try (Gemm gemm = new Gemm(device, c.shape(), GemmVariant.LOCAL_TILED, batch(c))) {
            check(c, gemm, 2, 0, 1);
        }
    }

    @Test
    void aBatchNeedsNoScratchAndOneProductKeepsItsPacking() {
        GemmShape shape = new GemmShape(false, false, 256, 676, 96, false);
        assertTrue(GemmPlan.of(shape, GemmTuning.SIMD16).packRight(), "one product of this shape packs B");
        assertEquals(Gemm.deviceMemory(shape), Gemm.deviceMemory(shape, GemmBatch.SINGLE));
        assertEquals(DeviceMemory.NONE, Gemm.deviceMemory(shape, GemmBatch.contiguous(shape, 36)));
    }

    @Test
    void refusesABatchedPlanThatPacks() {
        GemmShape shape = new GemmShape(false, false, 5, 6, 7, false);
        GemmPlan packing = GemmPlan.of(shape, GemmTuning.of(device), false, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Gemm(device, shape, packing, GemmBatch.contiguous(shape, 2)));
        assertTrue(e.getMessage().contains("packing off"), e.getMessage());
    }

    @Test
    void refusesProductsThatOverlapInC() {
        GemmShape shape = new GemmShape(false, false, 5, 6, 7, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Gemm(device, shape, new GemmBatch(2, 35, 42, 29)));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    }

    @Test
    void rejectsBuffersTooSmallForTheLastProduct() {
        GemmShape shape = new GemmShape(false, false, 4, 5, 6, false);
        GemmBatch batch = GemmBatch.contiguous(shape, 3);
        try (Buffer c = Buffer.allocate(device, 60); Buffer a = Buffer.allocate(device, 72);
                Buffer b = Buffer.allocate(device, 89); Gemm gemm = new Gemm(device, shape, batch)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gemm.run(c, 0, a, 0, b, 0));
            assertTrue(e.getMessage().contains("matrix B"), e.getMessage());
        }
    }

    private static GemmBatch batch(Case c) {
        GemmShape s = c.shape();
        return new GemmBatch(c.count(), (long) s.m() * s.k() + c.gap(), (long) s.k() * s.n() + c.gap(),
                (long) s.m() * s.n() + c.gap());
    }

    /** Fills A, B and C (with gaps and two floats past the last C) at the offsets, runs, checks all of C's buffer. */
    private static void check(Case c, Gemm gemm, int cOffset, int aOffset, int bOffset) {
        GemmShape shape = c.shape();
        GemmBatch batch = batch(c);
        int m = shape.m(), n = shape.n(), k = shape.k();
        Random random = new Random(31L * shape.hashCode() + c.count());
        float[] a = gaussians(random, aOffset + (int) (c.count() * batch.strideA()));
        float[] b = gaussians(random, bOffset + (int) (c.count() * batch.strideB()));
        float[] cValues = gaussians(random, cOffset + (int) (c.count() * batch.strideC()) + 2);
        try (Buffer cBuffer = Buffer.allocate(device, cValues.length); Buffer aBuffer = Buffer.allocate(device, a.length);
                Buffer bBuffer = Buffer.allocate(device, b.length)) {
            aBuffer.write(a);
            bBuffer.write(b);
            cBuffer.write(cValues);
            gemm.run(cBuffer, cOffset, aBuffer, aOffset, bBuffer, bOffset);
            float[] got = cBuffer.readFloats(0, cValues.length);
            boolean[] inC = new boolean[cValues.length];
            for (int p = 0; p < c.count(); p++) {
                int cStart = cOffset + (int) (p * batch.strideC());
                double[] magnitude = new double[m * n];
                double[] want = GemmReference.product(shape, cValues, cStart, a, aOffset + (int) (p * batch.strideA()),
                        b, bOffset + (int) (p * batch.strideB()), magnitude);
                for (int e = 0; e < m * n; e++) {
                    inC[cStart + e] = true;
                    // As GemmReferenceCheck: 2(k + 1) ulps of Σ|a·b| (+|C|) bounds float32 rounding in any order.
                    double tolerance = 2 * (k + 1) * Math.ulp(1f) * magnitude[e];
                    int product = p;
                    int element = e;
                    assertEquals(want[e], got[cStart + e], tolerance,
                            () -> shape + " x" + c.count() + ": product " + product + ", C[" + element / n + "]["
                                    + element % n + "]");
                }
            }
            for (int i = 0; i < got.length; i++) {
                if (!inC[i]) {
                    assertEquals(cValues[i], got[i], 0f, shape + ": element " + i + " outside every C was written");
                }
            }
        }
    }

    private static float[] gaussians(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
