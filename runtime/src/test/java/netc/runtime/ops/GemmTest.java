package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.TestDevice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GemmTest {
    @TestDevice private static Device device;
    private static GemmTuning tuning;

    @BeforeAll
    static void open() {
        tuning = GemmTuning.of(device);
    }

    /**
     * Every transpose and accumulate combination over sizes that hit each edge case: 1, primes, sizes
     * just under, at and just over the register blocks (8 and 16 along the outer kernel's rows and
     * columns, 4 and 16 along the dot kernel's blocks and k vectors), and k with a vector tail.
     */
    static Stream<GemmShape> shapes() {
        int[][] sizes = {
            {1, 1, 1}, {7, 13, 5}, {1, 17, 3}, {9, 1, 33}, {2, 3, 1}, {8, 16, 16}, {9, 17, 17},
            {15, 31, 47}, {4, 4, 16}, {5, 5, 15}, {33, 65, 19}, {3, 40, 100},
        };
        List<GemmShape> shapes = new ArrayList<>();
        for (int[] s : sizes) {
            for (int t = 0; t < 4; t++) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    shapes.add(new GemmShape((t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], accumulate));
                }
            }
        }
        return shapes.stream();
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void matchesTheDoubleReference(GemmShape shape) {
        checkAgainstReference(shape, GemmPlan.of(shape, tuning), 0, 0, 0);
    }

    /** Small shapes rarely pack by default, so both packing kernels are forced here (NT then runs as outer products). */
    @ParameterizedTest
    @MethodSource("shapes")
    void matchesTheDoubleReferenceWithPackedOperands(GemmShape shape) {
        GemmPlan plan = GemmPlan.of(shape, tuning, true, true);
        assertTrue(plan.packLeft() && plan.packRight());
        checkAgainstReference(shape, plan, 0, 0, 0);
    }

    /**
     * What a dense layer's large backward products get by default: the right operand (stored K x N: NN, TN)
     * packed with streaming stores by work-groups along its rows, and work-groups over column blocks
     * first; here on every small shape, with offsets, and with the AVX2 blocks (8-float vectors). The streamed
     * stores only change where values go through the caches, so the tolerance is the other tests' (the
     * reference check's bound of 2(k + 1) ulps of the products' magnitude).
     */
    @ParameterizedTest
    @MethodSource("shapes")
    void matchesTheDoubleReferenceWithAStreamedPackAndColumnsFirst(GemmShape shape) {
        if (shape.transB()) {
            assertThrows(IllegalArgumentException.class,
                    () -> GemmPlan.of(shape, tuning, true, true).withStreamPackRight(shape, true));
            checkAgainstReference(shape, GemmPlan.of(shape, tuning).withColumnsFirst(true), 0, 0, 0);
            return;
        }
        GemmPlan plan = GemmPlan.of(shape, tuning, true, true).withStreamPackRight(shape, true).withColumnsFirst(true);
        checkAgainstReference(shape, plan, 0, 0, 0);
        checkAgainstReference(shape, plan, 5, 3, 7);
        checkAgainstReference(shape, GemmPlan.of(shape, GemmTuning.SIMD8, true, true)
                .withStreamPackRight(shape, true), 0, 0, 0);
    }

    /**
     * NT computed swapped (C^T = B A^T: B unpacked on the left, A packed on the right, C stored transposed),
     * which by default only large dense-layer products get; with and without accumulating.
     */
    @ParameterizedTest
    @MethodSource("shapes")
    void ntMatchesTheDoubleReferenceSwapped(GemmShape shape) {
        if (shape.transA() || !shape.transB()) {
            return; // only NT runs swapped; the other transposes have their own tests above
        }
        checkAgainstReference(shape, GemmPlan.ntSwapped(shape, tuning), 0, 0, 0);
        checkAgainstReference(shape, GemmPlan.ntSwapped(shape, tuning), 5, 3, 7);
        checkAgainstReference(shape, GemmPlan.ntSwapped(shape, GemmTuning.SIMD8), 1, 2, 3);
    }

    @Test
    void honoursNonzeroOffsetsForEveryTranspose() {
        for (int t = 0; t < 4; t++) {
            GemmShape shape = new GemmShape((t & 1) != 0, (t & 2) != 0, 11, 19, 23, t % 2 == 0);
            checkAgainstReference(shape, GemmPlan.of(shape, tuning), 5, 3, 7);
            checkAgainstReference(shape, GemmPlan.of(shape, tuning, true, false), 5, 3, 7);
            checkAgainstReference(shape, GemmPlan.of(shape, tuning, false, true), 5, 3, 7);
        }
    }

    /** The block sizes other devices get (AVX2, SSE, GPU), on edge-heavy shapes, every transpose. */
    @Test
    void otherDevicesBlockSizesAreCorrectToo() {
        for (GemmTuning other : new GemmTuning[] {GemmTuning.SIMD8, GemmTuning.SIMD4, GemmTuning.GPU}) {
            for (int t = 0; t < 4; t++) {
                GemmShape shape = new GemmShape((t & 1) != 0, (t & 2) != 0, 13, 11, 21, t == 3);
                checkAgainstReference(shape, GemmPlan.of(shape, other, t % 2 == 0, t % 2 == 0), 1, 2, 3);
            }
        }
    }

    @Test
    void rejectsBuffersTooSmallForTheShapeAndOffset() {
        GemmShape shape = new GemmShape(false, false, 4, 5, 6, false);
        try (Buffer c = Buffer.allocate(device, 20); Buffer a = Buffer.allocate(device, 24);
                Buffer b = Buffer.allocate(device, 30); Gemm gemm = new Gemm(device, shape)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> gemm.run(c, 0, a, 1, b, 0));
            assertTrue(e.getMessage().contains("A"), e.getMessage());
        }
    }

    private static void checkAgainstReference(GemmShape shape, GemmPlan plan, int cOffset, int aOffset,
            int bOffset) {
        try (Gemm gemm = new Gemm(device, shape, plan)) {
            GemmReferenceCheck.check(device, shape, gemm, cOffset, aOffset, bOffset);
        }
    }
}
