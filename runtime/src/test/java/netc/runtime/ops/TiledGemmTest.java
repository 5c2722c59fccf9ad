package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import netc.runtime.cl.Device;
import netc.runtime.cl.TestDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GPU-shaped {@code gemm_tiled.cl}, forced on whatever device the tests run on (PoCL's CPU driver
 * here), against the double-precision reference.
 */
class TiledGemmTest {
    @TestDevice private static Device device;

    /**
     * Every transpose and accumulate combination over sizes below, at and past the largest tile (64 x 64,
     * 16 along k) and the load width (4): 1, primes, 33 and 65 leave ragged tiles in every dimension.
     */
    static Stream<GemmShape> shapes() {
        int[][] sizes = {
            {1, 1, 1}, {7, 13, 5}, {1, 65, 3}, {65, 1, 33}, {33, 65, 17}, {64, 64, 16}, {65, 67, 31}, {3, 40, 100},
            {130, 7, 9},
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
        try (Gemm gemm = new Gemm(device, shape, GemmVariant.LOCAL_TILED)) {
            GemmReferenceCheck.check(device, shape, gemm, 0, 0, 0);
        }
    }

    /** Offsets not a multiple of the load width: vloadN must not assume aligned rows. */
    @Test
    void honoursNonzeroOffsetsForEveryTranspose() {
        for (int t = 0; t < 4; t++) {
            GemmShape shape = new GemmShape((t & 1) != 0, (t & 2) != 0, 11, 19, 23, t % 2 == 0);
            try (Gemm gemm = new Gemm(device, shape, GemmVariant.LOCAL_TILED)) {
                GemmReferenceCheck.check(device, shape, gemm, 5, 3, 7);
            }
        }
    }

    /** The smaller tiles devices with lower limits get, on ragged shapes, every transpose. */
    @Test
    void everyCandidateTileIsCorrect() {
        for (GpuGemmTuning tuning : GpuGemmTuning.CANDIDATES) {
            for (int t = 0; t < 4; t++) {
                GemmShape shape = new GemmShape((t & 1) != 0, (t & 2) != 0, 37, 21, 45, t == 3);
                try (Gemm gemm = new Gemm(device, shape, tuning)) {
                    GemmReferenceCheck.check(device, shape, gemm, 1, 2, 3);
                }
            }
        }
    }

    /** The load widths gemm_tiled.cl accepts besides the candidates' 4, and non-square tiles. */
    @Test
    void otherLoadWidthsAndTileShapesAreCorrect() {
        GpuGemmTuning[] tunings = {
            new GpuGemmTuning(8, 8, 4, 2, 2, 1), new GpuGemmTuning(16, 16, 8, 4, 2, 2),
            new GpuGemmTuning(16, 32, 8, 2, 4, 8), new GpuGemmTuning(32, 16, 16, 4, 4, 16),
        };
        for (GpuGemmTuning tuning : tunings) {
            for (int t = 0; t < 4; t++) {
                GemmShape shape = new GemmShape((t & 1) != 0, (t & 2) != 0, 37, 21, 45, t == 1);
                try (Gemm gemm = new Gemm(device, shape, tuning)) {
                    GemmReferenceCheck.check(device, shape, gemm, 1, 2, 3);
                }
            }
        }
    }

    @Test
    void aTileThatIsNotWholeBlocksOrVectorsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GpuGemmTuning(64, 64, 16, 3, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> new GpuGemmTuning(64, 64, 12, 4, 4, 8));
    }

    @Test
    void theTileIsTheLargestWithinTheDeviceLimits() {
        assertEquals(GpuGemmTuning.LARGE, GpuGemmTuning.largestFitting(1024, 48 * 1024));
        assertEquals(GpuGemmTuning.MEDIUM, GpuGemmTuning.largestFitting(128, 48 * 1024));
        // 8.3 KB for the large tile: a device with 8 KB of local memory gets the medium one.
        assertEquals(GpuGemmTuning.MEDIUM, GpuGemmTuning.largestFitting(1024, 8 * 1024));
        assertEquals(GpuGemmTuning.MINIMAL, GpuGemmTuning.largestFitting(1, 1024));
    }

    @Test
    void oneWorkGroupPerTileOfC() {
        GpuGemmTuning tuning = GpuGemmTuning.LARGE;
        GemmShape shape = new GemmShape(false, false, 65, 130, 7, false);
        // 2 row tiles x 3 column tiles of 64, each 16 x 16 work-items; columns along dimension 0.
        assertArrayEquals(new long[] {3 * 16, 2 * 16}, tuning.global(shape));
        assertArrayEquals(new long[] {16, 16}, tuning.local());
        assertEquals(64 * 64 / 16, tuning.workItems());
    }
}
