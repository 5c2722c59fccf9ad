package netc.runtime.ops;

import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;

/**
 * The residual join {@code out = a + b} of two {@code batch × elementsPerExample} tensors (ResNet's
 * {@code Y += X}). Its backward pass is no kernel: the gradient of each summand is {@code dOut}
 * itself, which the generated code hands on or adds with {@link TensorArithmetic}.
 */
public final class Add implements AutoCloseable {
    private final long elements;
    private final TensorArithmetic arithmetic;

    public Add(Device device, int batch, int elementsPerExample) {
        if (batch < 1 || elementsPerExample < 1) {
            throw new IllegalArgumentException("Add: batch and elements per example must be at least 1, got " + batch
                    + " and " + elementsPerExample + ".");
        }
        this.elements = (long) batch * elementsPerExample;
        WorkItems.requireIntIndexable("Add", elements);
        this.arithmetic = new TensorArithmetic(device);
    }

    /** {@code out = a + b}; {@code out} may be {@code a} or {@code b}. */
    public void forward(Tensor out, Tensor a, Tensor b) {
        arithmetic.add(out, a, b, elements);
    }

    @Override
    public void close() {
        // The kernel belongs to the device's program cache; nothing of its own to free.
    }
}
