package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/**
 * A matrix product specialised to one {@link GemmShape}: every dimension and transpose is a
 * compile-time constant of the kernel ({@code gemm.cl}). Offsets (in floats) let one product work on
 * a slice of a larger buffer, e.g. one image of a batch.
 *
 * <p>Large products first copy B (A for TT) into column panels in a scratch buffer this object owns,
 * as large as that operand; {@link #close()} frees it.
 */
public final class Gemm implements AutoCloseable {
    private final GemmShape shape;
    private final Kernel kernel;
    private final long[] global;
    private final long[] local;
    private final Kernel pack;
    private final long[] packGlobal;
    private final long[] packLocal;
    private final Buffer packed;

    public Gemm(Device device, GemmShape shape) {
        this(device, shape, GemmPlan.of(shape));
    }

    Gemm(Device device, GemmShape shape, GemmPlan plan) {
        this.shape = shape;
        this.kernel = device.kernel("gemm.cl", plan.kernelName(), plan.defines(shape));
        this.local = GemmPlan.local(plan.global(), kernel.maxWorkGroupSize());
        this.global = GemmPlan.padded(plan.global(), local);
        if (plan.packRight()) {
            this.pack = device.kernel("gemm.cl", "gemm_pack_right", plan.defines(shape));
            this.packLocal = GemmPlan.local(plan.packGlobal(shape), pack.maxWorkGroupSize());
            this.packGlobal = GemmPlan.padded(plan.packGlobal(shape), packLocal);
            this.packed = Buffer.allocate(device, plan.packedFloats(shape));
        } else {
            this.pack = null;
            this.packGlobal = null;
            this.packLocal = null;
            this.packed = null;
        }
    }

    public GemmShape shape() {
        return shape;
    }

    /** Enqueues {@code C = op(A)·op(B)} (or {@code +=}), reading A, B and writing C at the given offsets. */
    public void run(Buffer c, long cOffset, Buffer a, long aOffset, Buffer b, long bOffset) {
        checkFits("C", c, cOffset, (long) shape.m() * shape.n());
        checkFits("A", a, aOffset, (long) shape.m() * shape.k());
        checkFits("B", b, bOffset, (long) shape.k() * shape.n());
        if (packed == null) {
            kernel.launch(global, local, c, cOffset, a, aOffset, b, bOffset);
        } else {
            pack.launch(packGlobal, packLocal, packed, a, aOffset, b, bOffset);
            kernel.launch(global, local, c, cOffset, a, aOffset, b, bOffset, packed);
        }
    }

    private void checkFits(String matrix, Buffer buffer, long offset, long size) {
        if (offset < 0 || offset + size > buffer.elements()) {
            throw new IllegalArgumentException("GEMM " + shape + ": matrix " + matrix + " needs elements ["
                    + offset + ", " + (offset + size) + ") but its buffer holds " + buffer.elements()
                    + "; pass a larger buffer or a smaller offset.");
        }
    }

    /** Frees the packing scratch buffer, if any; the kernels belong to the device's cache. */
    @Override
    public void close() {
        if (packed != null) {
            packed.close();
        }
    }
}
