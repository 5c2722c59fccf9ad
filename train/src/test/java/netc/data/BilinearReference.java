package netc.data;

/**
 * Plain-Java PyTorch {@code F.interpolate(x / 255, size, mode='bilinear', align_corners=False)} of one
 * grey uint8 image, written per axis as PyTorch's CPU kernel computes it: source index
 * {@code (in/out)·(dst + 0.5) − 0.5} clamped below at 0, lower tap, upper tap clamped to the edge.
 */
final class BilinearReference {
    private BilinearReference() {}

    static float[] resize(byte[] image, int offset, int inH, int inW, int outH, int outW) {
        float[] out = new float[outH * outW];
        for (int y = 0; y < outH; y++) {
            Tap ty = Tap.of(y, inH, outH);
            for (int x = 0; x < outW; x++) {
                Tap tx = Tap.of(x, inW, outW);
                float top = (1 - tx.weight) * px(image, offset, inW, ty.lower, tx.lower)
                        + tx.weight * px(image, offset, inW, ty.lower, tx.upper);
                float bottom = (1 - tx.weight) * px(image, offset, inW, ty.upper, tx.lower)
                        + tx.weight * px(image, offset, inW, ty.upper, tx.upper);
                out[y * outW + x] = (1 - ty.weight) * top + ty.weight * bottom;
            }
        }
        return out;
    }

    private static float px(byte[] image, int offset, int inW, int y, int x) {
        return (image[offset + y * inW + x] & 0xff) / 255.0f;
    }

    private record Tap(int lower, int upper, float weight) {
        static Tap of(int dst, int in, int out) {
            float source = Math.max((float) in / out * (dst + 0.5f) - 0.5f, 0f);
            int lower = Math.min((int) Math.floor(source), in - 1);
            int upper = lower < in - 1 ? lower + 1 : lower;
            return new Tap(lower, upper, Math.min(source - lower, 1f));
        }
    }
}
