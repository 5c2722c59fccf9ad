package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/**
 * A matrix product specialised to one {@link GemmShape}: every dimension and transpose is a
 * compile-time constant of the kernel. Offsets (in floats) let one product work on a slice of a
 * larger buffer, e.g. one image of a batch.
 */
public final class Gemm {
    private final GemmShape shape;
    private final Kernel kernel;

    public Gemm(Device device, GemmShape shape) {
        this.shape = shape;
        this.kernel = device.kernel("gemm_reference.cl", "gemm", Defines.of()
                .set("M", shape.m()).set("N", shape.n()).set("K", shape.k())
                .set("TRANS_A", shape.transA()).set("TRANS_B", shape.transB())
                .set("ACCUMULATE", shape.accumulate()));
    }

    public GemmShape shape() {
        return shape;
    }

    /** Enqueues {@code C = op(A)·op(B)} (or {@code +=}), reading A, B and writing C at the given offsets. */
    public void run(Buffer c, long cOffset, Buffer a, long aOffset, Buffer b, long bOffset) {
        kernel.launch(new long[] {shape.n(), shape.m()}, null, c, cOffset, a, aOffset, b, bOffset);
    }
}
