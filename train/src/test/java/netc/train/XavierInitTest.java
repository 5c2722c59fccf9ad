package netc.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import netc.runtime.cl.Device;
import netc.runtime.model.Parameter;
import org.junit.jupiter.api.Test;

class XavierInitTest {
    @Test
    void boundIsGlorotsFormula() {
        // A 5x5 convolution 6 -> 16: fanIn = 6*25, fanOut = 16*25.
        assertEquals(Math.sqrt(6.0 / (150 + 400)), XavierInit.bound(150, 400), 0.0);
        assertThrows(IllegalArgumentException.class, () -> XavierInit.bound(0, 10));
    }

    @Test
    void uniformValuesFillTheRangeWithTheRightVariance() {
        double bound = 0.25;
        float[] values = XavierInit.uniform(200_000, bound, new Random(7));
        double sum = 0;
        double squares = 0;
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : values) {
            sum += v;
            squares += (double) v * v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(min >= -bound && max <= bound, "values outside ±bound: " + min + ", " + max);
        // With 200,000 draws the extremes come within 0.1% of the bound (a miss has probability ~e^-200).
        assertTrue(min < -0.999 * bound && max > 0.999 * bound, "range not filled: " + min + ", " + max);
        double mean = sum / values.length;
        double variance = squares / values.length - mean * mean;
        // U(-b, b) has mean 0 and variance b²/3; the standard errors here are ~3e-4 and ~1e-4 relative 2e-3.
        assertEquals(0.0, mean, 2e-3);
        assertEquals(bound * bound / 3, variance, 0.01 * bound * bound / 3);
    }

    @Test
    void weightsAreDrawnWithinTheirBoundsAndBiasesAreZero() {
        try (Device device = Device.open();
             Parameter weight = new Parameter(device, "fc1.weight", Parameter.Kind.WEIGHT, new int[] {30, 20}, 20, 30);
             Parameter bias = new Parameter(device, "fc1.bias", Parameter.Kind.BIAS, new int[] {30}, 20, 30);
             Parameter conv = new Parameter(device, "conv1.weight", Parameter.Kind.WEIGHT, new int[] {4, 3, 3, 3}, 27, 36)) {
            bias.value().upload(filled(30, 5f));
            XavierInit.apply(List.of(weight, bias, conv), 42L);

            assertWithin(weight.value().download(), XavierInit.bound(20, 30));
            assertWithin(conv.value().download(), XavierInit.bound(27, 36));
            assertArrayEquals(new float[30], bias.value().download());
        }
    }

    @Test
    void theSeedFixesEveryValueInParameterOrder() {
        try (Device device = Device.open();
             Parameter a = new Parameter(device, "a.weight", Parameter.Kind.WEIGHT, new int[] {8, 5}, 5, 8);
             Parameter b = new Parameter(device, "b.weight", Parameter.Kind.WEIGHT, new int[] {3, 8}, 8, 3)) {
            XavierInit.apply(List.of(a, b), 1L);
            float[] firstA = a.value().download();
            float[] firstB = b.value().download();
            XavierInit.apply(List.of(a, b), 1L);
            assertArrayEquals(firstA, a.value().download());
            assertArrayEquals(firstB, b.value().download());
            // The stream continues from one parameter to the next, as one generator in layer order.
            Random expected = new Random(1L);
            assertArrayEquals(XavierInit.uniform(40, XavierInit.bound(5, 8), expected), firstA);
            assertArrayEquals(XavierInit.uniform(24, XavierInit.bound(8, 3), expected), firstB);
            XavierInit.apply(List.of(a, b), 2L);
            assertFalse(Arrays.equals(firstA, a.value().download()));
        }
    }

    @Test
    void scalesStartAtOneAndDrawNothingFromTheStream() {
        try (Device device = Device.open();
             Parameter gamma = new Parameter(device, "bn1.weight", Parameter.Kind.SCALE, new int[] {6}, 6, 6);
             Parameter weight = new Parameter(device, "fc1.weight", Parameter.Kind.WEIGHT, new int[] {4, 3}, 3, 4)) {
            XavierInit.apply(List.of(gamma, weight), 9L);
            assertArrayEquals(filled(6, 1f), gamma.value().download());
            // The weight gets the stream's first values, as if the scale were not there.
            assertArrayEquals(XavierInit.uniform(12, XavierInit.bound(3, 4), new Random(9L)), weight.value().download());
        }
    }

    private static float[] filled(int count, float value) {
        float[] values = new float[count];
        Arrays.fill(values, value);
        return values;
    }

    private static void assertWithin(float[] values, double bound) {
        boolean nonZero = false;
        for (float v : values) {
            assertTrue(Math.abs(v) <= bound, v + " outside ±" + bound);
            nonZero |= v != 0;
        }
        assertTrue(nonZero, "all weights zero");
    }

    /** Values are drawn and uploaded a chunk at a time; a weight of several chunks gets the one stream's values. */
    @Test
    void aWeightLargerThanAChunkGetsTheSameValuesAsOneArray() {
        int rows = 1100;
        int columns = 1000; // 1.1 million floats: two chunks
        try (Device device = Device.open();
             Parameter weight = new Parameter(device, "fc.weight", Parameter.Kind.WEIGHT, new int[] {rows, columns},
                     columns, rows)) {
            XavierInit.apply(List.of(weight), 3L);
            assertArrayEquals(XavierInit.uniform(rows * columns, XavierInit.bound(columns, rows), new Random(3L)),
                    weight.value().download());
        }
    }
}
