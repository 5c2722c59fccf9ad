package netc.runtime.verify;

/**
 * How far one of our tensors is from the reference: the largest elementwise error, measured against
 * the reference tensor's largest magnitude (its scale), since float32 rounding in a sum is relative
 * to the summed terms and a small element (cancellation) does not bound it.
 *
 * @param name the tensor, in the network's own names ({@code conv1.weight.grad})
 * @param maxError the largest {@code |ours − reference|}
 * @param scale the largest {@code |reference|}
 * @param relativeTolerance the largest {@code maxError / scale} accepted
 */
public record TensorComparison(String name, double maxError, double scale, double relativeTolerance) {
    public double relativeError() {
        return scale == 0 ? maxError : maxError / scale;
    }

    public boolean passed() {
        return relativeError() <= relativeTolerance;
    }

    static TensorComparison of(String name, float[] ours, float[] reference, double relativeTolerance) {
        return of(name, ours, reference, null, relativeTolerance);
    }

    /**
     * As {@link #of(String, float[], float[], double)}, with each element's error first reduced by
     * {@code allowance[i]} (never below 0): for an error both sides are known to make, such as rounding.
     */
    static TensorComparison of(String name, float[] ours, float[] reference, float[] allowance, double relativeTolerance) {
        if (ours.length != reference.length || (allowance != null && allowance.length != ours.length)) {
            throw new IllegalArgumentException(name + ": we have " + ours.length + " values, the reference "
                    + reference.length);
        }
        double maxError = 0;
        double scale = 0;
        for (int i = 0; i < ours.length; i++) {
            double error = Math.abs((double) ours[i] - reference[i]);
            if (allowance != null) {
                error = Math.max(0, error - allowance[i]);
            }
            // NaN must fail, not vanish in max()
            maxError = Double.isNaN(error) ? Double.POSITIVE_INFINITY : Math.max(maxError, error);
            scale = Math.max(scale, Math.abs(reference[i]));
        }
        return new TensorComparison(name, maxError, scale, relativeTolerance);
    }

    @Override
    public String toString() {
        return String.format("%-24s max error %.3e of scale %.3e: relative %.2e (limit %.0e) %s", name, maxError,
                scale, relativeError(), relativeTolerance, passed() ? "ok" : "FAILED");
    }
}
