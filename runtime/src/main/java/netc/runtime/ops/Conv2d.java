package netc.runtime.ops;

import java.util.List;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.model.Parameter;

/**
 * A 2-D convolution with a square kernel and a fused activation, specialised to its shapes:
 * input {@code (N, inChannels, inHeight, inWidth)}, output {@code (N, outChannels, outHeight, outWidth)}
 * with {@code out = floor((in + 2·padding − kernel) / stride) + 1}. Parameters: {@code name.weight}
 * {@code [outChannels, inChannels, kernel, kernel]} and {@code name.bias} {@code [outChannels]}.
 *
 * <p>Tensors passed in need at least the size their role requires (a larger shared workspace is fine).
 */
public final class Conv2d implements AutoCloseable {
    public Conv2d(Device device, String name, int batch, int inChannels, int inHeight, int inWidth,
                  int outChannels, int kernel, int stride, int padding, Activation activation) {
        throw new UnsupportedOperationException("Conv2d: pending (issue #3)");
    }

    /** weight, then bias. */
    public List<Parameter> parameters() {
        throw new UnsupportedOperationException();
    }

    /** {@code output = activation(conv(input, weight) + bias)}. */
    public void forward(Tensor output, Tensor input) {
        throw new UnsupportedOperationException();
    }

    /**
     * Overwrites the weight and bias gradients and, unless {@code dInput} is null (the first layer),
     * writes the input gradient. {@code dOutput} is the loss gradient with respect to {@code output}
     * and may be overwritten; {@code input} and {@code output} are those of the forward pass.
     */
    public void backward(Tensor dInput, Tensor dOutput, Tensor input, Tensor output) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
