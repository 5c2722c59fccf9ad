package netc.runtime.reference;

/**
 * One pooling configuration, square windows in PyTorch's floor mode: input {@code (n, c, h, w)}, output
 * {@code (n, c, outH, outW)} with {@code out = floor((in + 2·padding − kernel) / stride) + 1}.
 */
public record PoolShape(int n, int c, int h, int w, int kernel, int stride, int padding) {
    public int outH() {
        return (h + 2 * padding - kernel) / stride + 1;
    }

    public int outW() {
        return (w + 2 * padding - kernel) / stride + 1;
    }

    public int inSize() {
        return n * c * h * w;
    }

    public int outSize() {
        return n * c * outH() * outW();
    }
}
