package netc.runtime.io;

import java.util.Arrays;
import netc.runtime.cl.Tensor;
import netc.runtime.model.HostCounter;

/**
 * Where a file entry of a given name, type and shape is loaded: a device tensor (a parameter, a running
 * statistic, a velocity), or a count kept on the host (a batch norm's {@code num_batches_tracked}).
 */
sealed interface TensorSlot {
    String name();

    DType dtype();

    /** The shape the file must give, PyTorch's; empty for a scalar. */
    long[] shape();

    /** What is wrong with {@code tensor}'s values for this slot (its type and shape already fit), or null. */
    String valueProblem(HostTensor tensor);

    /** Stores {@code tensor}, of the right type and shape and without a {@link #valueProblem}. */
    void load(HostTensor tensor);

    /** A float32 tensor on the device, loaded as it is. */
    record OnDevice(String name, int[] deviceShape, Tensor target) implements TensorSlot {
        @Override
        public DType dtype() {
            return DType.F32;
        }

        @Override
        public long[] shape() {
            return HostTensor.shapeOf(deviceShape);
        }

        @Override
        public String valueProblem(HostTensor tensor) {
            return null;
        }

        @Override
        public void load(HostTensor tensor) {
            target.upload(tensor.floats());
        }

        @Override
        public String toString() {
            return name + " " + Arrays.toString(deviceShape);
        }
    }

    /** An I64 scalar kept on the host, as PyTorch stores {@code num_batches_tracked}: a count, never negative. */
    record Counter(HostCounter counter) implements TensorSlot {
        @Override
        public String name() {
            return counter.name();
        }

        @Override
        public DType dtype() {
            return DType.I64;
        }

        @Override
        public long[] shape() {
            return new long[0];
        }

        @Override
        public String valueProblem(HostTensor tensor) {
            long value = tensor.longs()[0];
            return value < 0 ? name() + " is " + value + ", but it counts training steps and cannot be negative" : null;
        }

        @Override
        public void load(HostTensor tensor) {
            counter.set(tensor.longs()[0]);
        }

        @Override
        public String toString() {
            return name() + " []";
        }
    }
}
