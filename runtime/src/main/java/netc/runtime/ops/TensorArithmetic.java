package netc.runtime.ops;

import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.Tensor;

/**
 * Elementwise plumbing between layers over the first {@code count} floats of each tensor (tensors may
 * be larger shared workspaces): a sum ({@link Add}'s residual join), a copy, and the accumulation of
 * gradients where a tensor feeds several layers ({@code target += addend}, as autograd sums them).
 */
public final class TensorArithmetic {
    private final Kernel add;
    private final Kernel accumulate;

    public TensorArithmetic(Device device) {
        this.add = device.kernel("tensor_sum.cl", "tensor_add", Defines.of());
        this.accumulate = device.kernel("tensor_sum.cl", "tensor_accumulate", Defines.of());
    }

    /** {@code out = a + b}; {@code out} may be {@code a} or {@code b}. */
    public void add(Tensor out, Tensor a, Tensor b, long count) {
        int n = checkedCount("add", count);
        WorkItems.requireCapacity(out, count, "TensorArithmetic.add", "out");
        WorkItems.requireCapacity(a, count, "TensorArithmetic.add", "a");
        WorkItems.requireCapacity(b, count, "TensorArithmetic.add", "b");
        add.launch(ElementwiseGroups.covering(count), null, out, a, b, n);
    }

    /** {@code target = source}, a device-side copy; nothing to do when they are one tensor. */
    public void copy(Tensor target, Tensor source, long count) {
        checkedCount("copy", count);
        WorkItems.requireCapacity(target, count, "TensorArithmetic.copy", "target");
        WorkItems.requireCapacity(source, count, "TensorArithmetic.copy", "source");
        if (target.buffer() != source.buffer()) {
            target.buffer().copyFrom(source.buffer(), 0, 0, count);
        }
    }

    /** {@code target += addend}. */
    public void accumulate(Tensor target, Tensor addend, long count) {
        int n = checkedCount("accumulate", count);
        WorkItems.requireCapacity(target, count, "TensorArithmetic.accumulate", "target");
        WorkItems.requireCapacity(addend, count, "TensorArithmetic.accumulate", "addend");
        accumulate.launch(ElementwiseGroups.covering(count), null, target, addend, n);
    }

    private static int checkedCount(String operation, long count) {
        if (count < 1) {
            throw new IllegalArgumentException("TensorArithmetic." + operation + ": count = " + count
                    + " floats; pass at least 1.");
        }
        WorkItems.requireIntIndexable("TensorArithmetic." + operation, count);
        return (int) count;
    }
}
