package netc.runtime.ops;

import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;

/** Average pooling over square windows per channel, PyTorch's {@code AvgPool2d} with {@code count_include_pad}. */
public final class AvgPool2d implements AutoCloseable {
    public AvgPool2d(Device device, int batch, int channels, int inHeight, int inWidth, int kernel, int stride, int padding) {
        throw new UnsupportedOperationException("AvgPool2d: pending (issue #3)");
    }

    public void forward(Tensor output, Tensor input) {
        throw new UnsupportedOperationException();
    }

    /** Writes (overwrites) {@code dInput} from {@code dOutput}. */
    public void backward(Tensor dInput, Tensor dOutput) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
