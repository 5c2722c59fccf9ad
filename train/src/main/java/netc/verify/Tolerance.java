package netc.verify;

import java.util.Locale;

/**
 * numpy's {@code allclose} with an absolute part that scales with the tensor: an element passes when
 * {@code |ours − reference| ≤ ofScale · scale + relative · |reference|}, where {@code scale} is the
 * reference tensor's largest magnitude.
 *
 * <p>The absolute part is what makes the check work for float32 sums: their rounding grows with the
 * magnitude of the summed terms, not of the result, so an element that cancels to near zero carries
 * the error of the large ones; a limit relative to the element alone would fail it. Tying that part to
 * the tensor's scale keeps it meaningful for tensors of any size (LeNet's first-layer gradients are
 * ~1e-5, its logits ~0.1), and every element above {@code ofScale · scale} is still checked, which a
 * single {@code max error / scale} does not do for the small ones.
 *
 * @param ofScale the absolute part, as a fraction of the tensor's scale (numpy's {@code atol / scale})
 * @param relative the part proportional to the element (numpy's {@code rtol})
 */
public record Tolerance(double ofScale, double relative) {
    public Tolerance {
        if (!(ofScale >= 0) || !(relative >= 0)) {
            throw new IllegalArgumentException("tolerance parts must be >= 0, not " + ofScale + " and " + relative);
        }
    }

    /** The largest error accepted for an element {@code reference} of a tensor whose scale is {@code scale}. */
    public double limit(double scale, double reference) {
        return ofScale * scale + relative * Math.abs(reference);
    }

    /** The rule in one line, as the help and the reports print it: {@code 3e-5*scale + 3e-5*|reference|}. */
    public String describe() {
        return compact(ofScale) + "*scale + " + compact(relative) + "*|reference|";
    }

    /** {@code 3e-5} rather than Java's {@code 3.0E-5}. */
    static String compact(double value) {
        if (value == 0) {
            return "0";
        }
        String text = String.format(Locale.ROOT, "%.1e", value).replace(".0e", "e");
        return text.replaceAll("e([+-])0*(\\d)", "e$1$2").replace("e+", "e");
    }
}
