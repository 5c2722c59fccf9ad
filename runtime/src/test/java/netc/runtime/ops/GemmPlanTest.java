package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GemmPlanTest {
    @Test
    void ntUsesTheDotKernelWithBlocksNoLargerThanTheMatrix() {
        GemmPlan plan = GemmPlan.of(new GemmShape(false, true, 3, 64, 9, false), GemmTuning.SIMD16);
        assertEquals("gemm_dot", plan.kernelName());
        assertEquals(3, plan.blockRows());
        assertEquals(4, plan.blockCols());
        assertEquals(8, plan.vectorK());
        assertArrayEquals(new long[] {1, 16}, plan.global());
    }

    @Test
    void shortNtWithManyRowsRunsAsOuterProductsOnATransposedCopyOfB() {
        GemmPlan plan = GemmPlan.of(new GemmShape(false, true, 384, 3456, 144, true), GemmTuning.SIMD16);
        assertEquals("gemm_outer", plan.kernelName());
        assertTrue(plan.packRight());
        assertEquals("gemm_dot", GemmPlan.of(new GemmShape(false, true, 64, 4096, 4096, false),
                GemmTuning.SIMD16).kernelName());
    }

    @Test
    void ntWithFewRowsAndALargeBRunsSwappedUnlessBsRowsAlias() {
        GemmPlan plan = GemmPlan.of(new GemmShape(false, true, 64, 4096, 6400, false), GemmTuning.SIMD16);
        assertEquals("gemm_outer", plan.kernelName());
        assertTrue(plan.swapped() && plan.packRight() && !plan.packLeft());
        // C^T's rows are B's: 4096 / 16 row blocks by 64 / 16 column blocks.
        assertArrayEquals(new long[] {256, 4}, plan.global());
        // B rows 4096 floats apart alias in the caches; B of 1.6 M floats fits in them; 65 rows are too many.
        assertFalse(GemmPlan.of(new GemmShape(false, true, 64, 4096, 4096, false), GemmTuning.SIMD16).swapped());
        assertFalse(GemmPlan.of(new GemmShape(false, true, 64, 250, 6400, false), GemmTuning.SIMD16).swapped());
        assertFalse(GemmPlan.of(new GemmShape(false, true, 65, 4096, 6400, false), GemmTuning.SIMD16).swapped());
    }

    @Test
    void ttComputesTheTransposedProductSoItsRowsAreTheColumnsOfC() {
        GemmPlan plan = GemmPlan.of(new GemmShape(true, true, 5, 20, 7, false), GemmTuning.SIMD8);
        assertEquals("gemm_outer", plan.kernelName());
        assertEquals(8, plan.blockRows()); // rows of C^T = 20 columns of C, SIMD8's 8 rows
        assertEquals(4, plan.blockCols()); // widest vector within the 5 columns of C^T
        assertArrayEquals(new long[] {3, 2}, plan.global());
    }

    @Test
    void packsTheLeftOperandOnlyWhenItIsLargeAndManyColumnsReuseIt() {
        assertTrue(GemmPlan.of(new GemmShape(false, false, 64, 4096, 4096, false), GemmTuning.SIMD16).packLeft());
        assertTrue(GemmPlan.of(new GemmShape(true, false, 4096, 6400, 64, false), GemmTuning.SIMD16).packLeft());
        assertFalse(GemmPlan.of(new GemmShape(false, false, 96, 2916, 121, false), GemmTuning.SIMD16).packLeft());
        assertFalse(GemmPlan.of(new GemmShape(false, false, 384, 144, 3456, false), GemmTuning.SIMD16).packLeft());
    }

    @Test
    void packsTheRightOperandOnlyWhenEnoughRowBlocksReuseIt() {
        assertTrue(GemmPlan.of(new GemmShape(true, false, 2400, 676, 256, false), GemmTuning.SIMD16).packRight());
        assertTrue(GemmPlan.of(new GemmShape(false, false, 64, 4096, 4096, false), GemmTuning.SIMD16).packRight());
        assertFalse(GemmPlan.of(new GemmShape(false, false, 96, 2916, 121, false), GemmTuning.SIMD16).packRight());
        assertFalse(GemmPlan.of(new GemmShape(false, false, 64, 4096, 10, false), GemmTuning.SIMD16).packRight());
    }
}
