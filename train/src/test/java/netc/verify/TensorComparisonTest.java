package netc.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** The element-by-element judgement behind every reference check: allclose with an absolute part per tensor. */
class TensorComparisonTest {
    private static final Tolerance TOLERANCE = new Tolerance(1e-5, 1e-4);
    private static final DoubleSupplier NOT_ALL_ZERO = () -> {
        throw new AssertionError("a reference with a non-zero element must not borrow a scale");
    };

    private static TensorComparison compare(float[] ours, float[] reference) {
        return TensorComparison.of("t", ours, reference, TOLERANCE, NOT_ALL_ZERO);
    }

    @Test
    void anElementPassesWithinTheAbsolutePartOfTheScalePlusTheRelativePartOfItself() {
        // limit for the element 2: 1e-5 * 2 (scale) + 1e-4 * 2 = 2.2e-4
        assertTrue(compare(new float[] {1f, 2.0002f}, new float[] {1f, 2f}).passed());
        assertFalse(compare(new float[] {1f, 2.0003f}, new float[] {1f, 2f}).passed());
    }

    @Test
    void aSmallElementIsCheckedOnItsOwnNotHiddenByTheTensorsScale() {
        // doubled 2e-4 errs by 2e-4 of the scale (1): within a single max-error/scale limit of 5e-4, but
        // twenty times this element's limit of 1e-5 + 1e-4 * 4e-4.
        TensorComparison doubled = compare(new float[] {1f, 2e-4f}, new float[] {1f, 4e-4f});
        assertFalse(doubled.passed());
        assertEquals(1, doubled.worstElement());
        assertEquals(2e-4 / (1e-5 + 1e-4 * 4e-4), doubled.worstRatio(), 1e-3);
        assertEquals(2e-4, doubled.relativeError(), 1e-9);
    }

    @Test
    void noiseAroundAZeroElementPassesWithinTheAbsolutePart() {
        // a sum that cancels to 0 carries the rounding of its large terms: 5e-6 of the scale passes
        assertTrue(compare(new float[] {1f, 5e-6f}, new float[] {1f, 0f}).passed());
        assertFalse(compare(new float[] {1f, 2e-5f}, new float[] {1f, 0f}).passed());
    }

    @Test
    void theWorstElementIsTheOneNearestItsLimitNotTheLargestError() {
        // element 0 errs more (1e-4 of 10, limit 1.1e-3) than element 1 (5e-5 of 0.01, limit ~1e-4)
        TensorComparison c = compare(new float[] {10.0001f, 0.01005f}, new float[] {10f, 0.01f});
        assertEquals(1, c.worstElement());
        assertEquals(10.0, c.scale());
        assertEquals(Math.abs((double) 10.0001f - 10), c.maxError(), 1e-12);
        assertTrue(c.passed(), c.toString());
    }

    @Test
    void nanFailsOnEitherSide() {
        assertFalse(compare(new float[] {Float.NaN}, new float[] {1f}).passed());
        assertFalse(compare(new float[] {1f, 1f}, new float[] {1f, Float.NaN}).passed());
    }

    @Test
    void anInfiniteReferenceElementMatchesOnlyItselfAndDoesNotWidenTheOthers() {
        assertTrue(compare(new float[] {1f, Float.POSITIVE_INFINITY}, new float[] {1f, Float.POSITIVE_INFINITY})
                .passed());
        assertFalse(compare(new float[] {1f, 3f}, new float[] {1f, Float.POSITIVE_INFINITY}).passed());
        TensorComparison c = compare(new float[] {2f, Float.POSITIVE_INFINITY}, new float[] {1f, Float.POSITIVE_INFINITY});
        assertEquals(1.0, c.scale(), "the scale is the largest finite magnitude");
        assertFalse(c.passed());
    }

    @Test
    void anAllZeroReferenceIsJudgedOnTheBorrowedScale() {
        float[] zeros = {0f, 0f};
        TensorComparison wrong = TensorComparison.of("t", new float[] {0f, 1e-4f}, zeros, TOLERANCE, () -> 1e-2);
        assertTrue(wrong.scaleBorrowed());
        assertEquals(1e-2, wrong.scale());
        assertFalse(wrong.passed(), "1e-4 against a limit of 1e-5 * 1e-2");
        assertTrue(TensorComparison.of("t", new float[] {0f, 1e-8f}, zeros, TOLERANCE, () -> 1e-2).passed());
    }

    @Test
    void anAllZeroReferenceWithNothingToBorrowDemandsExactZeros() {
        float[] zeros = {0f, 0f};
        assertTrue(TensorComparison.of("t", new float[] {0f, 0f}, zeros, TOLERANCE, () -> 0).passed());
        TensorComparison tiny = TensorComparison.of("t", new float[] {0f, 1e-30f}, zeros, TOLERANCE, () -> 0);
        assertFalse(tiny.passed());
        assertEquals(Double.POSITIVE_INFINITY, tiny.worstRatio());
    }

    @Test
    void anAllowanceDiscountsOnlyUpToItsSize() {
        float[] reference = {1e-5f, 2e-5f};
        float[] oneUlpOff = {1e-5f, 2e-5f + 7.45e-9f};
        // limit for element 1: 1e-5 * 2e-5 + 1e-4 * 2e-5 = 2.2e-9, under the ulp
        assertFalse(compare(oneUlpOff, reference).passed(), "one ulp of a parameter without the allowance");
        float[] allowance = {7.45e-9f, 7.45e-9f};
        assertTrue(TensorComparison.of("t", oneUlpOff, reference, allowance, TOLERANCE, NOT_ALL_ZERO).passed());

        float[] farOff = {1e-5f, 3e-5f};
        TensorComparison wrong = TensorComparison.of("t", farOff, reference, allowance, TOLERANCE, NOT_ALL_ZERO);
        assertEquals(1e-5, wrong.maxError(), 1e-11, "the error itself, before the allowance");
        assertFalse(wrong.passed());
    }

    @Test
    void aNoiseAllowanceIsAddedToEveryElementsLimitAndShown() {
        float[] reference = {1f, 0f};
        float[] ours = {1f, 3e-4f};
        assertFalse(compare(ours, reference).passed(), "3e-4 against a limit of 1e-5");
        TensorComparison noisy = TensorComparison.of("t", ours, reference, null, 3e-4, TOLERANCE, NOT_ALL_ZERO);
        assertTrue(noisy.passed(), noisy.toString());
        assertEquals(3e-4 / (1e-5 + 3e-4), noisy.worstRatio(), 1e-3, "the error over the limit plus the allowance");
        assertTrue(noisy.toString().contains("(noise allowance 3.0e-04 = 3.0e-04 of the scale)"), noisy.toString());
        TensorComparison past = TensorComparison.of("t", new float[] {1f, 4e-4f}, reference, null, 3e-4, TOLERANCE,
                NOT_ALL_ZERO);
        assertFalse(past.passed(), "1e-4 past the allowance is ten times the limit");
        assertEquals(4e-4, past.maxError(), 1e-9, "the error itself, before the allowance");
    }

    @Test
    void aNegativeOrNanNoiseAllowanceIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> TensorComparison.of("t", new float[] {1f}, new float[] {1f}, null, -1, TOLERANCE, NOT_ALL_ZERO));
        assertThrows(IllegalArgumentException.class, () -> TensorComparison.of("t", new float[] {1f},
                new float[] {1f}, null, Double.NaN, TOLERANCE, NOT_ALL_ZERO));
    }

    @Test
    void theReportLineNamesTheVerdictLast() {
        assertTrue(compare(new float[] {1f}, new float[] {1f}).toString().endsWith(" ok"));
        assertTrue(compare(new float[] {2f}, new float[] {1f}).toString().endsWith(" FAILED"));
    }
}
