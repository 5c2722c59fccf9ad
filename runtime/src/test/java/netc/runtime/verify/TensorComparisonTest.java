package netc.runtime.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The error measure behind every reference check: relative to the reference's scale, NaN-proof, rounding allowed. */
class TensorComparisonTest {
    @Test
    void theErrorIsRelativeToTheLargestReferenceMagnitude() {
        TensorComparison c = TensorComparison.of("t", new float[] {1.001f, -2f}, new float[] {1f, -2f}, 1e-3);
        assertEquals(2.0, c.scale());
        assertEquals(0.001 / 2, c.relativeError(), 1e-6);
        assertTrue(c.passed());
    }

    @Test
    void nanFails() {
        TensorComparison c = TensorComparison.of("t", new float[] {Float.NaN}, new float[] {1f}, 1);
        assertFalse(c.passed());
    }

    @Test
    void anAllowanceDiscountsOnlyUpToItsSize() {
        float[] reference = {1e-5f, 2e-5f};
        float[] oneUlpOff = {1e-5f, 2e-5f + 7.45e-9f};
        assertFalse(TensorComparison.of("t", oneUlpOff, reference, 1e-4).passed(), "3.7e-4 relative without allowance");
        float[] allowance = {7.45e-9f, 7.45e-9f};
        assertTrue(TensorComparison.of("t", oneUlpOff, reference, allowance, 1e-4).passed());

        float[] farOff = {1e-5f, 3e-5f};
        TensorComparison wrong = TensorComparison.of("t", farOff, reference, allowance, 1e-4);
        assertEquals((1e-5 - 7.45e-9) / 2e-5, wrong.relativeError(), 1e-6);
        assertFalse(wrong.passed());
    }
}
