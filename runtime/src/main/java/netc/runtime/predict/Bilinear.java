package netc.runtime.predict;

/**
 * Resizes one image plane bilinearly as PyTorch's {@code F.interpolate(mode='bilinear',
 * align_corners=False)} does, and in the same float32 steps as the training pipeline's {@code resize.cl}
 * (so a prediction sees what training saw, up to the device's float rounding): the centre of output
 * pixel {@code d} sits at {@code (in / out)·(d + 0.5) − 0.5} in the input, clamped below at 0; the
 * lower tap, the upper tap (the lower one on the last row or column) and the upper tap's weight follow.
 * Equal sizes give the plane back unchanged.
 */
final class Bilinear {
    private Bilinear() {}

    static float[] resize(float[] plane, int inH, int inW, int outH, int outW) {
        if (inH == outH && inW == outW) {
            return plane.clone();
        }
        Tap[] rows = taps(inH, outH);
        Tap[] cols = taps(inW, outW);
        float[] out = new float[outH * outW];
        for (int y = 0; y < outH; y++) {
            Tap ty = rows[y];
            for (int x = 0; x < outW; x++) {
                Tap tx = cols[x];
                float p00 = plane[ty.lower * inW + tx.lower];
                float p01 = plane[ty.lower * inW + tx.upper];
                float p10 = plane[ty.upper * inW + tx.lower];
                float p11 = plane[ty.upper * inW + tx.upper];
                out[y * outW + x] = (1.0f - ty.weight) * ((1.0f - tx.weight) * p00 + tx.weight * p01)
                        + ty.weight * ((1.0f - tx.weight) * p10 + tx.weight * p11);
            }
        }
        return out;
    }

    private static Tap[] taps(int in, int out) {
        Tap[] taps = new Tap[out];
        for (int d = 0; d < out; d++) {
            float source = Math.max(((float) in / (float) out) * ((float) d + 0.5f) - 0.5f, 0.0f);
            int lower = Math.min((int) source, in - 1);
            int upper = lower + (lower < in - 1 ? 1 : 0);
            taps[d] = new Tap(lower, upper, Math.min(source - (float) lower, 1.0f));
        }
        return taps;
    }

    private record Tap(int lower, int upper, float weight) {}
}
