package netc.runtime.ops;

import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;

/**
 * Max pooling over square windows per channel, as PyTorch's {@code MaxPool2d} (floor mode, padding as
 * minus infinity). The forward pass records each window's arg-max (the first maximum in row-major
 * window order, as PyTorch's CPU kernel), and the backward pass routes each gradient there, summing
 * where windows overlap.
 */
public final class MaxPool2d implements AutoCloseable {
    public MaxPool2d(Device device, int batch, int channels, int inHeight, int inWidth, int kernel, int stride, int padding) {
        throw new UnsupportedOperationException("MaxPool2d: pending (issue #3)");
    }

    public void forward(Tensor output, Tensor input) {
        throw new UnsupportedOperationException();
    }

    /** Writes (overwrites) {@code dInput} from {@code dOutput}, using the arg-max of the last forward pass. */
    public void backward(Tensor dInput, Tensor dOutput) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
