package netc.samples.reference;

/**
 * PyTorch's {@code nn.MaxPool2d(kernel, stride)} without padding. A window's gradient goes to its
 * first maximum in row-major order, as PyTorch's CPU kernel picks it (it replaces the running maximum
 * only on a strictly greater value); this matters after ReLU, where whole windows are often 0.
 */
final class MaxPool2d implements Module {
    private final int kernel;
    private final int stride;
    private int[] inputShape;
    private int[] winners; // per output element, the input index its value came from

    MaxPool2d(int kernel, int stride) {
        this.kernel = kernel;
        this.stride = stride;
    }

    @Override
    public Batch forward(Batch input) {
        inputShape = input.shape();
        int planes = inputShape[0] * inputShape[1];
        int height = inputShape[2];
        int width = inputShape[3];
        int outHeight = (height - kernel) / stride + 1;
        int outWidth = (width - kernel) / stride + 1;
        double[] x = input.values();
        double[] output = new double[planes * outHeight * outWidth];
        winners = new int[output.length];
        for (int plane = 0; plane < planes; plane++) {
            for (int oh = 0; oh < outHeight; oh++) {
                for (int ow = 0; ow < outWidth; ow++) {
                    int best = plane * height * width + oh * stride * width + ow * stride;
                    for (int ki = 0; ki < kernel; ki++) {
                        for (int kj = 0; kj < kernel; kj++) {
                            int at = plane * height * width + (oh * stride + ki) * width + ow * stride + kj;
                            if (x[at] > x[best]) {
                                best = at;
                            }
                        }
                    }
                    int out = (plane * outHeight + oh) * outWidth + ow;
                    output[out] = x[best];
                    winners[out] = best;
                }
            }
        }
        return new Batch(output, new int[] {inputShape[0], inputShape[1], outHeight, outWidth});
    }

    @Override
    public Batch backward(Batch outputGradient) {
        double[] inputGradient = new double[inputShape[0] * inputShape[1] * inputShape[2] * inputShape[3]];
        double[] dy = outputGradient.values();
        for (int out = 0; out < dy.length; out++) {
            inputGradient[winners[out]] += dy[out];
        }
        return new Batch(inputGradient, inputShape);
    }
}
