package netc.runtime.ops;

import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.Tensor;

/** Average pooling over square windows per channel, PyTorch's {@code AvgPool2d} with {@code count_include_pad}. */
public final class AvgPool2d implements AutoCloseable {
    private final PoolGeometry geometry;
    private final Kernel forwardKernel;
    private final Kernel backwardKernel;

    public AvgPool2d(Device device, int batch, int channels, int inHeight, int inWidth, int kernel, int stride, int padding) {
        this.geometry = new PoolGeometry("AvgPool2d", batch, channels, inHeight, inWidth, kernel, stride, padding);
        this.forwardKernel = device.kernel("avgpool.cl", "avgpool_forward", geometry.defines());
        this.backwardKernel = device.kernel("avgpool.cl", "avgpool_backward", geometry.defines());
    }

    /** The output height, {@code floor((inHeight + 2·padding − kernel) / stride) + 1}. */
    public int outHeight() {
        return geometry.outHeight();
    }

    public int outWidth() {
        return geometry.outWidth();
    }

    public void forward(Tensor output, Tensor input) {
        WorkItems.requireCapacity(output, geometry.outputSize(), "AvgPool2d.forward", "output");
        WorkItems.requireCapacity(input, geometry.inputSize(), "AvgPool2d.forward", "input");
        forwardKernel.launch(WorkItems.covering(geometry.outputRows()), null, output, input);
    }

    /** Writes (overwrites) {@code dInput} from {@code dOutput}. */
    public void backward(Tensor dInput, Tensor dOutput) {
        WorkItems.requireCapacity(dInput, geometry.inputSize(), "AvgPool2d.backward", "dInput");
        WorkItems.requireCapacity(dOutput, geometry.outputSize(), "AvgPool2d.backward", "dOutput");
        backwardKernel.launch(WorkItems.covering(geometry.inputRows()), null, dInput, dOutput);
    }

    @Override
    public void close() {
        // The kernels belong to the device's program cache; nothing of its own to free.
    }
}
