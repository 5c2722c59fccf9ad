package netc.samples.reference;

/** The largest elementwise difference of two tensors, relative to the reference's largest magnitude. */
final class RelativeError {
    private RelativeError() {}

    static double of(float[] ours, float[] reference) {
        if (ours.length != reference.length) {
            throw new IllegalArgumentException(ours.length + " values against " + reference.length);
        }
        double maxError = 0;
        double scale = 0;
        for (int i = 0; i < ours.length; i++) {
            double error = Math.abs((double) ours[i] - reference[i]);
            maxError = Double.isNaN(error) ? Double.POSITIVE_INFINITY : Math.max(maxError, error);
            scale = Math.max(scale, Math.abs(reference[i]));
        }
        return scale == 0 ? maxError : maxError / scale;
    }
}
