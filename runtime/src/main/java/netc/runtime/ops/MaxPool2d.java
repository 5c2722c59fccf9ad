package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.Tensor;
import netc.runtime.model.DeviceMemory;

/**
 * Max pooling over square windows per channel, as PyTorch's {@code MaxPool2d} (floor mode, padding as
 * minus infinity). The forward pass records each window's arg-max (the first maximum in row-major
 * window order, as PyTorch's CPU kernel), and the backward pass routes each gradient there, summing
 * where windows overlap.
 *
 * <p>Made {@link #afterRelu}, its input is a ReLU's output and its backward applies that ReLU's derivative
 * as well (a window's gradient goes to its arg-max only where its maximum is positive: ReLU and max
 * commute), so the layer that applied the ReLU needs neither its output nor a derivative pass of its own
 * in the backward, and its output is dead once pooled.
 */
public final class MaxPool2d implements AutoCloseable {
    private final PoolGeometry geometry;
    private final Kernel forwardKernel;
    private final Kernel backwardKernel;
    /**
     * Per output element, the arg-max's offset {@code kh·kernel + kw} inside its window, as the last
     * forward found it: one byte each where the window has at most 256 elements, else an int.
     */
    private final Buffer argmax;
    private boolean forwardRun;

    public MaxPool2d(Device device, int batch, int channels, int inHeight, int inWidth, int kernel, int stride, int padding) {
        this(device, batch, channels, inHeight, inWidth, kernel, stride, padding, false);
    }

    private MaxPool2d(Device device, int batch, int channels, int inHeight, int inWidth, int kernel, int stride,
                      int padding, boolean reluBefore) {
        this.geometry = new PoolGeometry("MaxPool2d", batch, channels, inHeight, inWidth, kernel, stride, padding);
        boolean byteOffsets = byteOffsets(kernel);
        Defines defines = geometry.defines().set("OFFSET_TYPE", byteOffsets ? "uchar" : "int");
        if (reluBefore) {
            defines = defines.set("RELU_BEFORE", "1");
        }
        this.forwardKernel = device.kernel("maxpool.cl", "maxpool_forward", defines);
        this.backwardKernel = device.kernel("maxpool.cl", "maxpool_backward", defines);
        this.argmax = Buffer.allocate(device, argmaxElements(geometry.outputSize(), kernel));
    }

    /** As the constructor, for an input that is a ReLU's output: the backward applies the ReLU's derivative. */
    public static MaxPool2d afterRelu(Device device, int batch, int channels, int inHeight, int inWidth, int kernel,
                                      int stride, int padding) {
        return new MaxPool2d(device, batch, channels, inHeight, inWidth, kernel, stride, padding, true);
    }

    /** Offsets fit a byte for windows of fewer than 256 elements (one value, the window's size, is the "none" mark). */
    private static boolean byteOffsets(int kernel) {
        return (long) kernel * kernel < 256;
    }

    /** The device memory a max pooling with {@code outputSize} outputs (all the batch's) allocates: its arg-max record. */
    public static DeviceMemory deviceMemory(long outputSize, int kernel) {
        return DeviceMemory.floats(argmaxElements(outputSize, kernel));
    }

    /** 4-byte elements that hold one offset per output: a byte each for windows under 256 elements, else an int. */
    private static long argmaxElements(long outputSize, int kernel) {
        long offsetBytes = outputSize * (byteOffsets(kernel) ? 1 : 4);
        return (offsetBytes + 3) / 4;
    }

    /** The output height, {@code floor((inHeight + 2·padding − kernel) / stride) + 1}. */
    public int outHeight() {
        return geometry.outHeight();
    }

    public int outWidth() {
        return geometry.outWidth();
    }

    public void forward(Tensor output, Tensor input) {
        WorkItems.requireCapacity(output, geometry.outputSize(), "MaxPool2d.forward", "output");
        WorkItems.requireCapacity(input, geometry.inputSize(), "MaxPool2d.forward", "input");
        forwardKernel.launch(WorkItems.covering(geometry.outputRows()), null, output, argmax, input);
        forwardRun = true;
    }

    /** Writes (overwrites) {@code dInput} from {@code dOutput}, using the arg-max of the last forward pass. */
    public void backward(Tensor dInput, Tensor dOutput) {
        if (!forwardRun) {
            throw new IllegalStateException("MaxPool2d.backward needs the arg-max of a forward pass; call forward first.");
        }
        WorkItems.requireCapacity(dInput, geometry.inputSize(), "MaxPool2d.backward", "dInput");
        WorkItems.requireCapacity(dOutput, geometry.outputSize(), "MaxPool2d.backward", "dOutput");
        backwardKernel.launch(WorkItems.covering(geometry.planes()), null, dInput, dOutput, argmax);
    }

    @Override
    public void close() {
        argmax.close();
    }
}
