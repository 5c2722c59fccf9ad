package netc.runtime.model;

import java.util.Arrays;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;

/**
 * One trainable tensor of a layer, its gradient beside it, both on the device. The gradient is allocated
 * when first asked for (by the first backward pass or the optimizer), so that a model that only predicts
 * holds its parameters once, not twice.
 *
 * <p>{@code name} is the network's own name for it ({@code conv1.weight}, {@code fc3.bias}); the
 * shape is PyTorch's ({@code [out, in, k, k]} for a convolution weight, {@code [out, in]} for a dense
 * one), so weight files move between the two unchanged. {@code fanIn} and {@code fanOut} are what
 * Xavier initialisation needs.
 */
public final class Parameter implements AutoCloseable {
    /** How the tensor is initialised: what it is for in its layer. */
    public enum Kind {
        /** A weight, Xavier-initialised. */
        WEIGHT,
        /** A bias (or a batch norm's shift, beta), initialised to zero. */
        BIAS,
        /** A multiplicative scale initialised to one, as a batch norm's gamma (PyTorch's {@code weight}). */
        SCALE
    }

    private final String name;
    private final Kind kind;
    private final int[] shape;
    private final int fanIn;
    private final int fanOut;
    private final Device device;
    private final Tensor value;
    private Tensor grad;

    public Parameter(Device device, String name, Kind kind, int[] shape, int fanIn, int fanOut) {
        this.name = name;
        this.kind = kind;
        this.shape = shape.clone();
        this.fanIn = fanIn;
        this.fanOut = fanOut;
        this.device = device;
        this.value = new Tensor(device, shape);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public int[] shape() {
        return shape.clone();
    }

    public long size() {
        return value.size();
    }

    public int fanIn() {
        return fanIn;
    }

    public int fanOut() {
        return fanOut;
    }

    /** The values, read and written by the layer's kernels and by the optimizer. */
    public Tensor value() {
        return value;
    }

    /** The gradient of the loss, overwritten by each backward pass; allocated on the first call. */
    public Tensor grad() {
        if (grad == null) {
            grad = new Tensor(device, shape);
        }
        return grad;
    }

    @Override
    public void close() {
        try {
            value.close();
        } finally {
            if (grad != null) {
                grad.close();
            }
        }
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
