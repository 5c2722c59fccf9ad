package netc.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ToleranceTest {
    @Test
    void theLimitIsAnAbsolutePartOfTheScalePlusARelativePartOfTheElement() {
        assertEquals(3e-5 * 0.5 + 1e-4 * 0.2, new Tolerance(3e-5, 1e-4).limit(0.5, -0.2), 1e-18);
    }

    @Test
    void itDescribesItselfCompactly() {
        assertEquals("3e-5*scale + 1.5e-4*|reference|", new Tolerance(3e-5, 1.5e-4).describe());
        assertEquals("0*scale + 2e-6*|reference|", new Tolerance(0, 2e-6).describe());
    }

    @Test
    void negativeOrNaNPartsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(-1e-5, 0));
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(0, Double.NaN));
    }
}
