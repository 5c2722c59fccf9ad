package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.reference.GemmReference;

/** Runs one {@link Gemm} on random data and compares C with the double-precision {@link GemmReference}. */
final class GemmReferenceCheck {
    private GemmReferenceCheck() {}

    /**
     * Fills A, B and C (plus two floats past C, which must survive) at the given offsets, runs
     * {@code gemm} and checks every element of the buffer holding C.
     */
    static void check(Device device, GemmShape shape, Gemm gemm, int cOffset, int aOffset, int bOffset) {
        Random random = new Random(shape.hashCode());
        int m = shape.m(), n = shape.n(), k = shape.k();
        float[] a = randoms(random, aOffset + m * k);
        float[] b = randoms(random, bOffset + k * n);
        float[] c = randoms(random, cOffset + m * n + 2); // +2: elements past C must survive
        try (Buffer cBuffer = Buffer.allocate(device, c.length); Buffer aBuffer = Buffer.allocate(device, a.length);
                Buffer bBuffer = Buffer.allocate(device, b.length)) {
            aBuffer.write(a);
            bBuffer.write(b);
            cBuffer.write(c);
            gemm.run(cBuffer, cOffset, aBuffer, aOffset, bBuffer, bOffset);
            float[] got = cBuffer.readFloats(0, c.length);
            double[] magnitude = new double[m * n];
            double[] want = GemmReference.product(shape, c, cOffset, a, aOffset, b, bOffset, magnitude);
            for (int i = 0; i < c.length; i++) {
                int e = i - cOffset;
                if (e < 0 || e >= m * n) {
                    assertEquals(c[i], got[i], 0f, shape + ": element " + i + " outside C was written");
                    continue;
                }
                // float32 accumulation of k products in any order errs by at most ~k·eps·Σ|a·b|; the bound
                // uses 2k ulps of that magnitude (plus |C| when accumulating), so a wrong term cannot hide.
                double tolerance = 2 * (k + 1) * Math.ulp(1f) * magnitude[e];
                assertEquals(want[e], got[i], tolerance, shape + ": C[" + e / n + "][" + e % n + "]");
            }
        }
    }

    private static float[] randoms(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
