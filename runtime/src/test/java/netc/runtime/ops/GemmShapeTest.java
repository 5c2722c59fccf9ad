package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GemmShapeTest {
    @Test
    void countsAMultiplyAddAsTwoFlops() {
        assertEquals(2.0 * 3 * 5 * 7, new GemmShape(false, false, 3, 5, 7, false).flops());
    }

    @Test
    void rejectsEmptyDimensions() {
        assertThrows(IllegalArgumentException.class, () -> new GemmShape(false, false, 0, 5, 7, false));
    }

    @Test
    void rejectsMatricesTooLargeFor32BitIndices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GemmShape(false, true, 65536, 65536, 1, false));
        assertTrue(e.getMessage().contains("split the product"), e.getMessage());
    }
}
