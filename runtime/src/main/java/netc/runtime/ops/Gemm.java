package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/**
 * A matrix product specialised to one {@link GemmShape}: every dimension and transpose is a
 * compile-time constant of the kernel ({@code gemm.cl}). Offsets (in floats) let one product work on
 * a slice of a larger buffer, e.g. one image of a batch.
 */
public final class Gemm {
    private final GemmShape shape;
    private final GemmPlan plan;
    private final Kernel kernel;

    public Gemm(Device device, GemmShape shape) {
        this.shape = shape;
        this.plan = GemmPlan.of(shape);
        this.kernel = device.kernel("gemm.cl", plan.kernelName(), plan.defines(shape));
    }

    public GemmShape shape() {
        return shape;
    }

    /** Enqueues {@code C = op(A)·op(B)} (or {@code +=}), reading A, B and writing C at the given offsets. */
    public void run(Buffer c, long cOffset, Buffer a, long aOffset, Buffer b, long bOffset) {
        checkFits("C", c, cOffset, (long) shape.m() * shape.n());
        checkFits("A", a, aOffset, (long) shape.m() * shape.k());
        checkFits("B", b, bOffset, (long) shape.k() * shape.n());
        kernel.launch(plan.global(), null, c, cOffset, a, aOffset, b, bOffset);
    }

    private void checkFits(String matrix, Buffer buffer, long offset, long size) {
        if (offset < 0 || offset + size > buffer.elements()) {
            throw new IllegalArgumentException("GEMM " + shape + ": matrix " + matrix + " needs elements ["
                    + offset + ", " + (offset + size) + ") but its buffer holds " + buffer.elements()
                    + "; pass a larger buffer or a smaller offset.");
        }
    }
}
