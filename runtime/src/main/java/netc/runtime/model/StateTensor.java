package netc.runtime.model;

import java.util.Arrays;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;

/**
 * A non-trainable tensor a layer keeps between steps, PyTorch's "buffer" (a batch norm's
 * {@code bn1.running_mean}): a name, PyTorch's shape, the values on the device and the constant they
 * start from. The optimizer never sees it; the layer that owns it updates it.
 */
public final class StateTensor implements AutoCloseable {
    private final String name;
    private final int[] shape;
    private final float initialValue;
    private final Tensor value;

    /** A tensor of {@code shape} named {@code name}, every element set to {@code initialValue}. */
    public StateTensor(Device device, String name, int[] shape, float initialValue) {
        this.name = name;
        this.shape = shape.clone();
        this.initialValue = initialValue;
        this.value = new Tensor(device, shape);
        reset();
    }

    public String name() {
        return name;
    }

    public int[] shape() {
        return shape.clone();
    }

    public long size() {
        return value.size();
    }

    /** The value every element starts from (0 for a running mean, 1 for a running variance). */
    public float initialValue() {
        return initialValue;
    }

    /** The values, read and written by the owning layer's kernels. */
    public Tensor value() {
        return value;
    }

    /** Sets every element back to the initial value. */
    public void reset() {
        float[] values = new float[Math.toIntExact(value.size())];
        Arrays.fill(values, initialValue);
        value.upload(values);
    }

    @Override
    public void close() {
        value.close();
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
