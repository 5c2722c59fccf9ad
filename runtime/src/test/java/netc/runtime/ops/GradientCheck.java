package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;

/** Checks an analytic gradient against central finite differences of a scalar loss, all in double. */
final class GradientCheck {
    /**
     * Step 1e-5: in double the truncation error (~h²·f''' ≈ 1e-10) and the rounding error
     * (~1e-16·|loss| / h ≈ 1e-10 for losses of order 10) are both far below the tolerance.
     */
    private static final double STEP = 1e-5;
    /** Relative to max(1, |gradient|): ~1e4 times the expected difference error, yet far below any real bug. */
    private static final double TOLERANCE = 1e-6;

    private GradientCheck() {}

    /** Perturbs each {@code x[i]} in turn (restoring it) and compares {@code dLoss/dx[i]} with {@code analytic[i]}. */
    static void check(double[] analytic, double[] x, DoubleSupplier loss, String what) {
        for (int i = 0; i < x.length; i++) {
            double saved = x[i];
            x[i] = saved + STEP;
            double plus = loss.getAsDouble();
            x[i] = saved - STEP;
            double minus = loss.getAsDouble();
            x[i] = saved;
            double numeric = (plus - minus) / (2 * STEP);
            double error = Math.abs(numeric - analytic[i]);
            int index = i;
            assertTrue(error <= TOLERANCE * Math.max(1, Math.abs(analytic[i])), () -> what + "[" + index
                    + "]: analytic " + analytic[index] + ", finite difference " + numeric);
        }
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
