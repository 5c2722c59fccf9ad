package netc.samples.reference;

/** PyTorch's {@code nn.AvgPool2d(kernel, stride)} without padding: each window's mean. */
final class AvgPool2d implements Module {
    private final int kernel;
    private final int stride;
    private int[] inputShape;

    AvgPool2d(int kernel, int stride) {
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
        for (int plane = 0; plane < planes; plane++) {
            for (int oh = 0; oh < outHeight; oh++) {
                for (int ow = 0; ow < outWidth; ow++) {
                    double sum = 0;
                    for (int ki = 0; ki < kernel; ki++) {
                        for (int kj = 0; kj < kernel; kj++) {
                            sum += x[plane * height * width + (oh * stride + ki) * width + ow * stride + kj];
                        }
                    }
                    output[(plane * outHeight + oh) * outWidth + ow] = sum / (kernel * kernel);
                }
            }
        }
        return new Batch(output, new int[] {inputShape[0], inputShape[1], outHeight, outWidth});
    }

    @Override
    public Batch backward(Batch outputGradient) {
        int planes = inputShape[0] * inputShape[1];
        int height = inputShape[2];
        int width = inputShape[3];
        int outHeight = outputGradient.shape()[2];
        int outWidth = outputGradient.shape()[3];
        double[] dy = outputGradient.values();
        double[] inputGradient = new double[planes * height * width];
        for (int plane = 0; plane < planes; plane++) {
            for (int oh = 0; oh < outHeight; oh++) {
                for (int ow = 0; ow < outWidth; ow++) {
                    double share = dy[(plane * outHeight + oh) * outWidth + ow] / (kernel * kernel);
                    for (int ki = 0; ki < kernel; ki++) {
                        for (int kj = 0; kj < kernel; kj++) {
                            inputGradient[plane * height * width + (oh * stride + ki) * width + ow * stride + kj] += share;
                        }
                    }
                }
            }
        }
        return new Batch(inputGradient, inputShape);
    }
}
