package netc.runtime.ops;

import java.util.List;
import netc.runtime.cl.Tensor;
import netc.runtime.model.Parameter;

/**
 * A 2-D convolution layer with a square kernel and a fused activation, however it is computed
 * ({@link Conv2d}: im2col + GEMM; {@link WinogradConv2d}: Winograd minimal filtering). Input
 * {@code (N, inChannels, inHeight, inWidth)}, output {@code (N, outChannels, outHeight, outWidth)};
 * parameters {@code name.weight [outChannels, inChannels, kernel, kernel]} and {@code name.bias [outChannels]}.
 * {@link Convolutions#create} picks the implementation from the shapes.
 */
public interface Convolution extends AutoCloseable {
    /** weight, then bias. */
    List<Parameter> parameters();

    /** {@code output = activation(conv(input, weight) + bias)}. */
    void forward(Tensor output, Tensor input);

    /**
     * Overwrites the weight and bias gradients and, unless {@code dInput} is null (the first layer),
     * writes the input gradient. {@code dOutput} is the loss gradient with respect to {@code output}
     * and may be overwritten; {@code input} and {@code output} are those of the forward pass. A null
     * {@code output} says that {@code dOutput} is already through the activation (a {@link
     * MaxPool2d#afterRelu} after this ReLU layer applied its derivative), so none is applied.
     */
    void backward(Tensor dInput, Tensor dOutput, Tensor input, Tensor output);

    @Override
    void close();
}
