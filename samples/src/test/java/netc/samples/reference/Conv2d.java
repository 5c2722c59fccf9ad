package netc.samples.reference;

import java.util.Arrays;
import java.util.List;

/**
 * PyTorch's {@code nn.Conv2d(in, out, kernel, stride, padding)} (square kernel, zero padding) by
 * im2col and {@link DoubleGemm}: each example's patches become a {@code K × P} matrix
 * ({@code K = in·kernel²} in the weight's {@code [in][kh][kw]} order, {@code P = OH·OW} output pixels).
 */
final class Conv2d implements Module {
    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final ReferenceParameter weight;
    private final ReferenceParameter bias;
    private int[] inputShape;
    private double[][] patches; // per example, kept for the weight gradient

    Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.weight = ReferenceParameter.zeros("weight", outChannels, inChannels, kernel, kernel);
        this.bias = ReferenceParameter.zeros("bias", outChannels);
    }

    @Override
    public List<ReferenceParameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public Batch forward(Batch input) {
        inputShape = input.shape();
        if (inputShape.length != 4 || inputShape[1] != inChannels) {
            throw new IllegalArgumentException("Conv2d(" + inChannels + ", ...) got shape " + Arrays.toString(inputShape));
        }
        int batch = inputShape[0];
        int outHeight = outputSize(inputShape[2]);
        int outWidth = outputSize(inputShape[3]);
        int pixels = outHeight * outWidth;
        int patchSize = inChannels * kernel * kernel;
        double[] weights = weight.valueAsDoubles();
        double[] output = new double[batch * outChannels * pixels];
        patches = new double[batch][];
        for (int n = 0; n < batch; n++) {
            patches[n] = im2col(input.values(), n * input.exampleSize(), outHeight, outWidth);
            double[] result = new double[outChannels * pixels];
            for (int o = 0; o < outChannels; o++) {
                Arrays.fill(result, o * pixels, (o + 1) * pixels, bias.value()[o]);
            }
            DoubleGemm.multiplyAdd(result, weights, patches[n], outChannels, patchSize, pixels);
            System.arraycopy(result, 0, output, n * result.length, result.length);
        }
        return new Batch(output, new int[] {batch, outChannels, outHeight, outWidth});
    }

    @Override
    public Batch backward(Batch outputGradient) {
        int batch = inputShape[0];
        int pixels = outputGradient.exampleSize() / outChannels;
        int patchSize = inChannels * kernel * kernel;
        int outWidth = outputGradient.shape()[3];
        double[] weightsTransposed = DoubleGemm.transpose(weight.valueAsDoubles(), outChannels, patchSize);
        double[] inputGradient = new double[batch * inChannels * inputShape[2] * inputShape[3]];
        for (int n = 0; n < batch; n++) {
            double[] gradient = Arrays.copyOfRange(outputGradient.values(), n * outChannels * pixels,
                    (n + 1) * outChannels * pixels);
            for (int o = 0; o < outChannels; o++) {
                for (int p = 0; p < pixels; p++) {
                    bias.grad()[o] += gradient[o * pixels + p];
                }
            }
            // dW[out×K] += dY[out×P] · patchesᵀ[P×K]
            DoubleGemm.multiplyAdd(weight.grad(), gradient, DoubleGemm.transpose(patches[n], patchSize, pixels),
                    outChannels, pixels, patchSize);
            // dPatches[K×P] = Wᵀ[K×out] · dY[out×P], then scattered back onto the input pixels
            double[] patchGradient = new double[patchSize * pixels];
            DoubleGemm.multiplyAdd(patchGradient, weightsTransposed, gradient, patchSize, outChannels, pixels);
            col2im(patchGradient, inputGradient, n * inChannels * inputShape[2] * inputShape[3], outWidth, pixels);
        }
        return new Batch(inputGradient, inputShape);
    }

    private int outputSize(int inputSize) {
        return (inputSize + 2 * padding - kernel) / stride + 1;
    }

    private double[] im2col(double[] input, int offset, int outHeight, int outWidth) {
        int height = inputShape[2];
        int width = inputShape[3];
        int pixels = outHeight * outWidth;
        double[] columns = new double[inChannels * kernel * kernel * pixels];
        for (int c = 0; c < inChannels; c++) {
            for (int ki = 0; ki < kernel; ki++) {
                for (int kj = 0; kj < kernel; kj++) {
                    int row = ((c * kernel + ki) * kernel + kj) * pixels;
                    for (int oh = 0; oh < outHeight; oh++) {
                        int ih = oh * stride - padding + ki;
                        if (ih < 0 || ih >= height) {
                            continue; // zero padding: the row stays 0
                        }
                        for (int ow = 0; ow < outWidth; ow++) {
                            int iw = ow * stride - padding + kj;
                            if (iw >= 0 && iw < width) {
                                columns[row + oh * outWidth + ow] = input[offset + (c * height + ih) * width + iw];
                            }
                        }
                    }
                }
            }
        }
        return columns;
    }

    /** Adds each patch entry's gradient to the input pixel it was copied from (the adjoint of im2col). */
    private void col2im(double[] columns, double[] inputGradient, int offset, int outWidth, int pixels) {
        int height = inputShape[2];
        int width = inputShape[3];
        int outHeight = pixels / outWidth;
        for (int c = 0; c < inChannels; c++) {
            for (int ki = 0; ki < kernel; ki++) {
                for (int kj = 0; kj < kernel; kj++) {
                    int row = ((c * kernel + ki) * kernel + kj) * pixels;
                    for (int oh = 0; oh < outHeight; oh++) {
                        int ih = oh * stride - padding + ki;
                        if (ih < 0 || ih >= height) {
                            continue;
                        }
                        for (int ow = 0; ow < outWidth; ow++) {
                            int iw = ow * stride - padding + kj;
                            if (iw >= 0 && iw < width) {
                                inputGradient[offset + (c * height + ih) * width + iw] += columns[row + oh * outWidth + ow];
                            }
                        }
                    }
                }
            }
        }
    }
}
