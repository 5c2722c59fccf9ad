package netc.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The noise of a result is the largest difference between two replays; a non-finite one allows nothing. */
class Float32NoiseTest {
    @Test
    void theNoiseIsTheLargestDifference() {
        assertEquals(0.5, Float32Noise.of(new float[] {1f, 2f, -3f}, new float[] {1.25f, 2f, -2.5f}));
        assertEquals(0.0, Float32Noise.of(new float[] {1f}, new float[] {1f}));
    }

    @Test
    void aReplayThatIsNotFiniteGivesNoAllowance() {
        // otherwise an infinite difference would become an allowance that passes anything
        assertEquals(0.0, Float32Noise.of(new float[] {1f, 5f}, new float[] {Float.NaN, 1f}));
        assertEquals(0.0, Float32Noise.of(new float[] {Float.POSITIVE_INFINITY}, new float[] {1f}));
    }

    @Test
    void replaysOfDifferentSizesAreABug() {
        assertThrows(IllegalArgumentException.class, () -> Float32Noise.of(new float[2], new float[3]));
    }
}
