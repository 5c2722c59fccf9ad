package netc.data;

/**
 * Standard normal deviates by table lookup: entry i is the normal quantile of (i + 0.5) / 2^16, so a
 * uniform 16-bit draw picks a deviate, four from one 64-bit random number. Far cheaper than Box–Muller's
 * logarithm and cosine per pixel, and built with {@link StrictMath} so that every JVM and platform
 * gives the same bits; the tails stop at ±4.3 σ, which image noise never misses.
 */
final class GaussianTable {
    static final int BITS = 16;
    private static final float[] DEVIATES = build();

    private GaussianTable() {}

    /** The deviate for a uniform draw of {@value #BITS} bits (0 ≤ draw < 2^16). */
    static float deviate(int draw) {
        return DEVIATES[draw];
    }

    private static float[] build() {
        float[] table = new float[1 << BITS];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) quantile((i + 0.5) / table.length);
        }
        return table;
    }

    /** The standard normal quantile of {@code p} in (0, 1), by Acklam's rational approximation (relative error below 1.2e-9). */
    static double quantile(double p) {
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
        final double low = 0.02425;
        if (p < low || p > 1 - low) {
            double q = StrictMath.sqrt(-2 * StrictMath.log(p < low ? p : 1 - p));
            double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            return p < low ? x : -x;
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
