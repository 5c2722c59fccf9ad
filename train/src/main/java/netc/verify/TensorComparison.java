package netc.verify;

import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * How far one of our tensors is from the reference, judged element by element with a {@link Tolerance}:
 * element {@code i} passes when {@code |ours[i] − reference[i]| ≤ ofScale · scale + relative · |reference[i]|}.
 *
 * @param name the tensor, in the network's own names ({@code conv1.weight.grad})
 * @param scale the largest {@code |reference|}; for an all-zero reference, the scale it borrowed
 *     (see {@link ResultKind})
 * @param scaleBorrowed true when the reference is all zero and {@code scale} comes from elsewhere
 * @param maxError the largest {@code |ours − reference|}, before any allowance
 * @param worstElement the flat index of the element nearest to (or furthest past) its limit, -1 for an empty tensor
 * @param worstRatio that element's error over what it is allowed (the limit plus any allowances): at most 1
 *     passes; infinite for NaN, or for any error where nothing is allowed
 * @param tolerance the rule applied
 * @param noiseAllowance the error allowed per element on top of the tolerance for this tensor's float32 noise
 *     (see {@link Float32Noise}); 0 when none
 */
public record TensorComparison(String name, double scale, boolean scaleBorrowed, double maxError, int worstElement,
                               double worstRatio, Tolerance tolerance, double noiseAllowance) {
    /** {@code maxError / scale}: the measure the tolerances were chosen from (infinite if scale is 0 and error is not). */
    public double relativeError() {
        if (scale == 0) {
            return maxError == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return maxError / scale;
    }

    public boolean passed() {
        return worstRatio <= 1;
    }

    static TensorComparison of(String name, float[] ours, float[] reference, Tolerance tolerance,
                               DoubleSupplier scaleIfAllZero) {
        return of(name, ours, reference, null, tolerance, scaleIfAllZero);
    }

    /**
     * Compares element by element, each element allowed {@code allowance[i]} on top of its limit, for an
     * error both sides are known to make, such as rounding; {@code allowance} may be null. An all-zero
     * reference is judged on {@code scaleIfAllZero}, asked only then.
     */
    static TensorComparison of(String name, float[] ours, float[] reference, float[] allowance, Tolerance tolerance,
                               DoubleSupplier scaleIfAllZero) {
        return of(name, ours, reference, allowance, 0, tolerance, scaleIfAllZero);
    }

    /**
     * As {@link #of(String, float[], float[], float[], Tolerance, DoubleSupplier)}, every element further allowed
     * {@code noiseAllowance}: for the float32 noise measured for this tensor, which no limit relative to the
     * values covers where a result is a cancelled sum.
     */
    static TensorComparison of(String name, float[] ours, float[] reference, float[] allowance, double noiseAllowance,
                               Tolerance tolerance, DoubleSupplier scaleIfAllZero) {
        if (!(noiseAllowance >= 0)) {
            throw new IllegalArgumentException(name + ": a noise allowance must be >= 0, not " + noiseAllowance);
        }
        if (ours.length != reference.length || (allowance != null && allowance.length != ours.length)) {
            throw new IllegalArgumentException(name + ": we have " + ours.length + " values, the reference "
                    + reference.length);
        }
        double ownScale = ResultKind.scaleOf(reference);
        boolean borrowed = ownScale == 0;
        double scale = borrowed ? scaleIfAllZero.getAsDouble() : ownScale;
        double maxError = 0;
        int worstElement = ours.length == 0 ? -1 : 0;
        double worstRatio = 0;
        for (int i = 0; i < ours.length; i++) {
            // a reference of ±inf or NaN has no finite limit: only the same value matches it (never NaN)
            double error = Float.isFinite(reference[i]) ? Math.abs((double) ours[i] - reference[i])
                    : ours[i] == reference[i] ? 0 : Double.POSITIVE_INFINITY;
            // NaN must fail, not vanish in max()
            maxError = Double.isNaN(error) ? Double.POSITIVE_INFINITY : Math.max(maxError, error);
            // Passing within the limit plus the allowances is passing within the limit after discounting them;
            // the ratio to their sum says how near the element came.
            double allowed = tolerance.limit(scale, reference[i]) + noiseAllowance
                    + (allowance != null && Float.isFinite(allowance[i]) ? allowance[i] : 0);
            double ratio = ratio(error, allowed);
            if (ratio > worstRatio) {
                worstRatio = ratio;
                worstElement = i;
            }
        }
        return new TensorComparison(name, scale, borrowed, maxError, worstElement, worstRatio, tolerance,
                noiseAllowance);
    }

    /** error / limit; any error against a zero limit, and a NaN on either side, fail (a NaN reference makes a NaN limit). */
    private static double ratio(double error, double limit) {
        if (error == 0) {
            return 0;
        }
        double ratio = error / limit;
        return Double.isNaN(ratio) ? Double.POSITIVE_INFINITY : ratio;
    }

    @Override
    public String toString() {
        String noise = noiseAllowance > 0
                ? String.format(Locale.ROOT, " (noise allowance %.1e = %.1e of the scale)", noiseAllowance,
                        scale > 0 ? noiseAllowance / scale : Double.POSITIVE_INFINITY)
                : "";
        return String.format(Locale.ROOT, "%-24s max error %.2e = %.1e of %s %.2e; worst element [%d] at %.2f of"
                        + " its limit%s %s", name, maxError, relativeError(),
                scaleBorrowed ? "borrowed scale (reference all 0)" : "scale", scale, worstElement, worstRatio,
                noise, passed() ? "ok" : "FAILED");
    }
}
