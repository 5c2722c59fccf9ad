package netc.runtime.ops;

import netc.runtime.cl.Defines;
import netc.runtime.cl.Tensor;

/**
 * The shapes of one square-kernel convolution: input {@code (batch, inChannels, inHeight, inWidth)},
 * output {@code (batch, outChannels, outHeight, outWidth)} in PyTorch's floor mode with zero padding.
 */
record ConvGeometry(int batch, int inChannels, int inHeight, int inWidth, int outChannels,
                    int kernel, int stride, int padding) {
    ConvGeometry {
        if (batch < 1 || inChannels < 1 || inHeight < 1 || inWidth < 1 || outChannels < 1 || kernel < 1 || stride < 1) {
            throw new IllegalArgumentException("Conv2d: batch, channels, input size, kernel and stride must be at"
                    + " least 1, got " + describe(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding));
        }
        if (padding < 0) {
            throw new IllegalArgumentException("Conv2d: padding must not be negative, got " + padding);
        }
        if (inHeight + 2 * padding < kernel || inWidth + 2 * padding < kernel) {
            throw new IllegalArgumentException("Conv2d: a " + kernel + "x" + kernel + " kernel does not fit the "
                    + inHeight + "x" + inWidth + " input padded by " + padding
                    + "; use a smaller kernel or more padding.");
        }
    }

    int outHeight() {
        return (inHeight + 2 * padding - kernel) / stride + 1;
    }

    int outWidth() {
        return (inWidth + 2 * padding - kernel) / stride + 1;
    }

    /** Output positions per channel, {@code outHeight · outWidth}. */
    int positions() {
        return outHeight() * outWidth();
    }

    /** Rows of the im2col matrix, {@code inChannels · kernel²}: the length of one weight row. */
    int patchSize() {
        return inChannels * kernel * kernel;
    }

    long inputFloatsPerImage() {
        return (long) inChannels * inHeight * inWidth;
    }

    long outputFloatsPerImage() {
        return (long) outChannels * positions();
    }

    /** Where image {@code image} of a batch's input starts, in floats. */
    long inputOffset(int image) {
        return image * inputFloatsPerImage();
    }

    /** Where image {@code image} of a batch's output starts, in floats. */
    long outputOffset(int image) {
        return image * outputFloatsPerImage();
    }

    /** Refuses an input-shaped tensor ({@code role}: input, its gradient) smaller than the batch's input. */
    void requireInput(Tensor tensor, String layer, String role) {
        TensorChecks.requireCapacity(tensor, batch * inputFloatsPerImage(), layer, role);
    }

    /** Refuses, naming {@code layer}, tensors of a backward pass too small for the batch ({@code dInput} may be null). */
    void requireBackward(Tensor dInput, Tensor dOutput, Tensor input, Tensor output, String layer) {
        if (dInput != null) {
            requireInput(dInput, layer, "dInput");
        }
        requireOutput(dOutput, layer, "dOutput");
        requireInput(input, layer, "input");
        if (output != null) { // null: the gradient arrives through the activation (a max pool after a ReLU)
            requireOutput(output, layer, "output");
        }
    }

    /** Refuses an output-shaped tensor ({@code role}: output, its gradient) smaller than the batch's output. */
    void requireOutput(Tensor tensor, String layer, String role) {
        TensorChecks.requireCapacity(tensor, batch * outputFloatsPerImage(), layer, role);
    }

    /** The defines im2col.cl and col2im.cl share, for chunks of {@code images} images. */
    Defines unfoldDefines(int images) {
        return Defines.of().set("B", images).set("C", inChannels).set("H", inHeight).set("W", inWidth)
                .set("K", kernel).set("STRIDE", stride).set("PAD", padding)
                .set("HO", outHeight()).set("WO", outWidth());
    }

    private static String describe(int n, int c, int h, int w, int co, int k, int s, int p) {
        return "batch " + n + ", in " + c + "x" + h + "x" + w + ", out channels " + co + ", kernel " + k
                + ", stride " + s + ", padding " + p;
    }
}
