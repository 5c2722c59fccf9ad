package netc.runtime.reference;

/**
 * The shapes of one square-kernel convolution in PyTorch's floor mode with zero padding: input
 * {@code (batch, inChannels, inHeight, inWidth)}, weight {@code (outChannels, inChannels, kernel, kernel)},
 * output {@code (batch, outChannels, outHeight, outWidth)} with
 * {@code out = floor((in + 2·padding − kernel) / stride) + 1}.
 */
public record ConvShape(int batch, int inChannels, int inHeight, int inWidth, int outChannels, int kernel,
                        int stride, int padding) {
    public int outHeight() {
        return (inHeight + 2 * padding - kernel) / stride + 1;
    }

    public int outWidth() {
        return (inWidth + 2 * padding - kernel) / stride + 1;
    }

    public int inputSize() {
        return batch * inChannels * inHeight * inWidth;
    }

    public int outputSize() {
        return batch * outChannels * outHeight() * outWidth();
    }

    public int weightSize() {
        return outChannels * inChannels * kernel * kernel;
    }

    /** The first output index {@code o >= 0} whose input index {@code o·stride + offset} is not below 0. */
    int firstInside(int offset) {
        return offset >= 0 ? 0 : (-offset + stride - 1) / stride;
    }

    /** One past the last output index below {@code outputs} whose input index {@code o·stride + offset} is below {@code size}. */
    int endInside(int offset, int size, int outputs) {
        int last = size - 1 - offset;
        return last < 0 ? 0 : Math.min(outputs, last / stride + 1);
    }
}
