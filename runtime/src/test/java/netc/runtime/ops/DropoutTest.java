package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.model.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DropoutTest {
    @TestDevice private static Device device;

    /** Random123's published known answers for Philox-4x32-10: {counter0..3, key0..1, output0..3}. */
    private static final int[][] PHILOX_KNOWN_ANSWERS = {
        {0, 0, 0, 0, 0, 0, 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
        {-1, -1, -1, -1, -1, -1, 0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
        {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0,
            0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1},
    };

    @Test
    void theDeviceGeneratorAndTheJavaReferenceGiveRandom123sKnownAnswers() {
        int cases = PHILOX_KNOWN_ANSWERS.length;
        int[] in = new int[6 * cases];
        for (int i = 0; i < cases; i++) {
            System.arraycopy(PHILOX_KNOWN_ANSWERS[i], 0, in, 6 * i, 6);
        }
        try (Buffer input = Buffer.allocate(device, in.length); Buffer output = Buffer.allocate(device, 16L * cases)) {
            input.write(in);
            device.kernel("rng_probe.cl", "philox_probe", Defines.of()).launch1d(cases, output, input);
            int[] got = output.readInts(0, 16 * cases);
            for (int i = 0; i < cases; i++) {
                int[] expected = Arrays.copyOfRange(PHILOX_KNOWN_ANSWERS[i], 6, 10);
                for (int lane = 0; lane < 4; lane++) {
                    int at = 16 * i + 4 * lane;
                    assertArrayEquals(expected, Arrays.copyOfRange(got, at, at + 4), "device, case " + i + " lane " + lane);
                }
                assertArrayEquals(expected, PhiloxReference.philox4x32_10(Arrays.copyOfRange(in, 6 * i, 6 * i + 4),
                        Arrays.copyOfRange(in, 6 * i + 4, 6 * i + 6)), "Java reference, case " + i);
            }
        }
    }

    /**
     * Odd element counts exercise full and partial 16-element work-item groups.
     * The mask is checked value by value against the Java Philox: one float product each side,
     * correctly rounded both times, so equality is exact, down to the sign of a dropped negative value
     * (x * 0 = -0 for x < 0, as PyTorch's {@code input * noise}).
     */
    @ParameterizedTest
    @CsvSource({"1, 1, 0.5", "3, 37, 0.5", "2, 64, 0.3", "5, 13, 0.9", "1, 255, 0.1"})
    void masksAndScalesExactlyAsTheReferenceForwardAndBackward(int batch, int features, float p) {
        int n = batch * features;
        Random random = new Random(n);
        float[] input = nonZero(random, n);
        float[] dOutput = nonZero(random, n);
        long key = random.nextLong();
        float scale = 1.0f / (float) (1.0 - p);
        long dropBelow = Dropout.dropThreshold(p);
        float[][] result = run(batch, features, p, Mode.TRAIN, key, input, dOutput);
        for (int i = 0; i < n; i++) {
            boolean kept = PhiloxReference.kept(key, i, dropBelow);
            assertEquals(input[i] * (kept ? scale : 0f), result[0][i], "output[" + i + "]");
            assertEquals(dOutput[i] * (kept ? scale : 0f), result[1][i], "dInput[" + i + "]");
        }
    }

    @Test
    void theSameKeyGivesTheSameMaskAndAnotherKeyAnother() {
        int batch = 4;
        int features = 250;
        float[] ones = new float[batch * features];
        Arrays.fill(ones, 1f);
        float[] first = run(batch, features, 0.5f, Mode.TRAIN, 1234L, ones, ones)[0];
        float[] again = run(batch, features, 0.5f, Mode.TRAIN, 1234L, ones, ones)[0];
        float[] other = run(batch, features, 0.5f, Mode.TRAIN, 1235L, ones, ones)[0];
        float[] highWord = run(batch, features, 0.5f, Mode.TRAIN, 1234L + (1L << 32), ones, ones)[0];
        assertArrayEquals(first, again);
        // Independent masks at p = 0.5 differ in half the 1000 places (sd ~16); fewer than 400 would
        // mean the key (either 32-bit half) barely changes the mask.
        assertTrue(differences(first, other) > 400, "masks of keys 1234 and 1235 differ too little");
        assertTrue(differences(first, highWord) > 400, "the key's high word barely changes the mask");
    }

    /**
     * Over n = 64000 values the kept count is Binomial(n, 1 - p); allowing 5 standard deviations
     * (sd = sqrt(n p (1 - p)) <= 126) fails a correct generator with probability < 1e-6 per case,
     * while a threshold off by even 1% of p is caught for every p here.
     */
    @ParameterizedTest
    @CsvSource({"0.1", "0.3", "0.5", "0.9"})
    void keepsAFractionOfOneMinusPAndScalesTheSurvivors(float p) {
        int batch = 64;
        int features = 1000;
        int n = batch * features;
        float[] ones = new float[n];
        Arrays.fill(ones, 1f);
        float[] output = run(batch, features, p, Mode.TRAIN, 0x5EEDL + Float.floatToIntBits(p), ones, ones)[0];
        float scale = 1.0f / (float) (1.0 - p);
        int kept = 0;
        for (float value : output) {
            assertTrue(value == 0f || value == scale, "a value is either dropped or scaled by 1/(1-p): " + value);
            kept += value == 0f ? 0 : 1;
        }
        double expected = n * (1.0 - p);
        double sd = Math.sqrt(n * p * (1.0 - p));
        assertEquals(expected, kept, 5 * sd, "kept count at p = " + p);
    }

    @Test
    void evaluationAndPZeroCopyBothWays() {
        Random random = new Random(3);
        float[] input = nonZero(random, 3 * 21);
        float[] dOutput = nonZero(random, 3 * 21);
        float[][] eval = run(3, 21, 0.5f, Mode.EVAL, 99L, input, dOutput);
        assertArrayEquals(input, eval[0]);
        assertArrayEquals(dOutput, eval[1]);
        float[][] noDrop = run(3, 21, 0f, Mode.TRAIN, 99L, input, dOutput);
        assertArrayEquals(input, noDrop[0]);
        assertArrayEquals(dOutput, noDrop[1]);
        // Training without dropout (a replayed reference step) copies as evaluation does.
        float[][] withoutDropout = run(3, 21, 0.5f, Mode.TRAIN_WITHOUT_DROPOUT, 99L, input, dOutput);
        assertArrayEquals(input, withoutDropout[0]);
        assertArrayEquals(dOutput, withoutDropout[1]);
    }

    @Test
    void worksInPlaceAndOnLargerWorkspaceTensors() {
        int n = 2 * 19;
        Random random = new Random(11);
        float[] input = nonZero(random, n);
        long key = 77L;
        try (Dropout dropout = new Dropout(device, 2, 19, 0.4f); Tensor x = new Tensor(device, n + 8)) {
            float[] padded = Arrays.copyOf(input, n + 8);
            Arrays.fill(padded, n, n + 8, 5f);
            x.upload(padded);
            dropout.forward(x, x, Mode.TRAIN, key);
            float[] got = x.download();
            float scale = 1.0f / (float) (1.0 - 0.4f);
            for (int i = 0; i < n; i++) {
                assertEquals(input[i] * (PhiloxReference.kept(key, i, Dropout.dropThreshold(0.4f)) ? scale : 0f), got[i]);
            }
            assertEquals(5f, got[n], "elements past the layer's own size stay untouched");
            x.upload(padded);
            dropout.forward(x, x, Mode.EVAL, key);
            assertArrayEquals(padded, x.download());
        }
    }

    @Test
    void rejectsAProbabilityOutsideZeroToOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(device, 1, 4, 1f));
        assertTrue(e.getMessage().contains("p = 1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dropout(device, 1, 4, -0.1f));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(device, 1, 4, Float.NaN));
    }

    /** Forward on {@code input} then backward of {@code dOutput}: {output, dInput}. */
    private float[][] run(int batch, int features, float p, Mode mode, long key, float[] input, float[] dOutput) {
        try (Dropout dropout = new Dropout(device, batch, features, p);
                Tensor in = new Tensor(device, batch, features);
                Tensor out = new Tensor(device, batch, features);
                Tensor dOut = new Tensor(device, batch, features);
                Tensor dIn = new Tensor(device, batch, features)) {
            in.upload(input);
            dOut.upload(dOutput);
            dropout.forward(out, in, mode, key);
            dropout.backward(dIn, dOut);
            return new float[][] {out.download(), dIn.download()};
        }
    }

    private static float[] nonZero(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (random.nextBoolean() ? 1 : -1) * (0.5f + random.nextFloat());
        }
        return values;
    }

    private static int differences(float[] a, float[] b) {
        int count = 0;
        for (int i = 0; i < a.length; i++) {
            count += a[i] != b[i] ? 1 : 0;
        }
        return count;
    }
}
