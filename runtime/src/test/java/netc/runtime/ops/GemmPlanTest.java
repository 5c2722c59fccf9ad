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
    void aDenseLayersWeightGradientGroupsColumnsFirstAndItsInputGradientStreamsThePackOfW() {
        GemmPlan weightGradient = GemmPlan.of(new GemmShape(true, false, 4096, 6400, 64, false), GemmTuning.SIMD16);
        assertTrue(weightGradient.columnsFirst());
        assertFalse(weightGradient.streamPackRight()); // X, the packed right operand, is only 1.6 MB
        GemmPlan inputGradient = GemmPlan.of(new GemmShape(false, false, 64, 6400, 4096, false), GemmTuning.SIMD16);
        assertTrue(inputGradient.packRight() && inputGradient.streamPackRight());
        assertFalse(inputGradient.columnsFirst()); // K = 4096: the sums, not the stores of C, take the time
        assertTrue(GemmPlan.of(new GemmShape(false, false, 64, 4096, 4096, false), GemmTuning.SIMD16)
                .streamPackRight());
        // A 65-long sum, a C under 4 M floats and a right operand under 4 M floats keep the previous plans.
        assertFalse(GemmPlan.of(new GemmShape(true, false, 4096, 6400, 65, false), GemmTuning.SIMD16).columnsFirst());
        assertFalse(GemmPlan.of(new GemmShape(true, false, 1024, 4000, 64, false), GemmTuning.SIMD16).columnsFirst());
        assertFalse(GemmPlan.of(new GemmShape(true, false, 2400, 676, 256, false), GemmTuning.SIMD16)
                .streamPackRight());
        // NT packs by transposing rows of B; it never streams, and only its swapped form groups columns first.
        assertFalse(GemmPlan.of(new GemmShape(false, true, 384, 65536, 144, false), GemmTuning.SIMD16)
                .streamPackRight());
        assertTrue(GemmPlan.of(new GemmShape(false, true, 64, 4096, 6400, false), GemmTuning.SIMD16).columnsFirst());
        assertFalse(GemmPlan.of(new GemmShape(false, true, 64, 4096, 4096, false), GemmTuning.SIMD16).columnsFirst());
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
