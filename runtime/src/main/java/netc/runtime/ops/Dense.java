package netc.runtime.ops;

import java.util.List;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.model.Parameter;

/**
 * A fully connected layer with a fused activation: input {@code (N, in)} (any tensor of
 * {@code N × in} values, so a flattened {@code (N, C, H, W)} works unchanged), output {@code (N, out)};
 * {@code output = activation(input · weightᵀ + bias)}. Parameters: {@code name.weight} {@code [out, in]}
 * and {@code name.bias} {@code [out]}, as PyTorch's {@code Linear}.
 */
public final class Dense implements AutoCloseable {
    public Dense(Device device, String name, int batch, int in, int out, Activation activation) {
        throw new UnsupportedOperationException("Dense: pending (issue #3)");
    }

    /** weight, then bias. */
    public List<Parameter> parameters() {
        throw new UnsupportedOperationException();
    }

    public void forward(Tensor output, Tensor input) {
        throw new UnsupportedOperationException();
    }

    /** As {@link Conv2d#backward}: overwrites parameter gradients; {@code dInput} may be null; {@code dOutput} may be overwritten. */
    public void backward(Tensor dInput, Tensor dOutput, Tensor input, Tensor output) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
