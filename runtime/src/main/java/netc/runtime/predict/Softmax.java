package netc.runtime.predict;

/**
 * Class probabilities from logits, computed in double on the host (the device gives float32 logits) and
 * returned as float32: {@code p_i = exp(z_i − max z) / Σ_j exp(z_j − max z)}. Subtracting the largest
 * logit keeps every exponent at or below 0, so nothing overflows; the largest term is exactly 1, so the
 * sum never underflows to 0.
 */
final class Softmax {
    private Softmax() {}

    /** The softmax of {@code logits[offset, offset + classes)}. */
    static float[] of(float[] logits, int offset, int classes) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < classes; i++) {
            max = Math.max(max, logits[offset + i]);
        }
        double[] exp = new double[classes];
        double sum = 0;
        for (int i = 0; i < classes; i++) {
            exp[i] = Math.exp(logits[offset + i] - max);
            sum += exp[i];
        }
        float[] probabilities = new float[classes];
        for (int i = 0; i < classes; i++) {
            probabilities[i] = (float) (exp[i] / sum);
        }
        return probabilities;
    }
}
