package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/**
 * A matrix product specialised to one {@link GemmShape}: every dimension and transpose is a
 * compile-time constant of the kernel ({@code gemm.cl}). Offsets (in floats) let one product work on
 * a slice of a larger buffer, e.g. one image of a batch.
 *
 * <p>Large products first copy an operand into cache-friendly blocks in a scratch buffer this object
 * owns (the operand rounded up to whole blocks); {@link #close()} frees it. C must not overlap A or B.
 * All work is enqueued on the device's one in-order queue, so consecutive runs may share the scratch.
 */
public final class Gemm implements AutoCloseable {
    private final GemmShape shape;
    private final GemmPlan plan;
    private final Kernel kernel;
    private final long[] global;
    private final long[] local;
    private final GemmPack packLeft;
    private final GemmPack packRight;

    public Gemm(Device device, GemmShape shape) {
        this(device, shape, GemmPlan.of(shape, GemmTuning.of(device)));
    }

    /** With a given plan (tests force each kernel and packing choice). */
    Gemm(Device device, GemmShape shape, GemmPlan plan) {
        this.shape = shape;
        this.plan = plan;
        Defines defines = plan.defines(shape);
        this.kernel = device.kernel("gemm.cl", plan.kernelName(), defines);
        GemmGroups groups = GemmGroups.of(device);
        this.local = groups.local(plan.global(), kernel.maxWorkGroupSize());
        this.global = GemmGroups.padded(plan.global(), local);
        this.packLeft = plan.packLeft() ? new GemmPack(device, "gemm_pack_left", defines, groups,
                plan.packGrid(shape, true), plan.packedLeftFloats(shape)) : null;
        this.packRight = plan.packRight() ? new GemmPack(device, "gemm_pack_right", defines, groups,
                plan.packGrid(shape, false), plan.packedRightFloats(shape)) : null;
    }

    /**
     * Enqueues {@code C = op(A)·op(B)} (or {@code C += ...}), reading A, B and writing C at the given
     * offsets; packs first what the plan packs.
     */
    public void run(Buffer c, long cOffset, Buffer a, long aOffset, Buffer b, long bOffset) {
        checkFits("C", c, cOffset, (long) shape.m() * shape.n());
        checkFits("A", a, aOffset, (long) shape.m() * shape.k());
        checkFits("B", b, bOffset, (long) shape.k() * shape.n());
        // The kernel reads a left and a right operand; TT computes C^T = B A, so they swap.
        Buffer left = plan.swapped() ? b : a;
        long leftOffset = plan.swapped() ? bOffset : aOffset;
        Buffer right = plan.swapped() ? a : b;
        long rightOffset = plan.swapped() ? aOffset : bOffset;
        if (packLeft != null) {
            left = packLeft.pack(left, leftOffset);
            leftOffset = 0;
        }
        if (packRight != null) {
            right = packRight.pack(right, rightOffset);
            rightOffset = 0;
        }
        kernel.launch(global, local, c, cOffset, left, leftOffset, right, rightOffset);
    }

    private void checkFits(String matrix, Buffer buffer, long offset, long size) {
        if (offset < 0 || offset + size > buffer.elements()) {
            throw new IllegalArgumentException("GEMM " + shape + ": matrix " + matrix + " needs elements ["
                    + offset + ", " + (offset + size) + ") but its buffer holds " + buffer.elements()
                    + "; pass a larger buffer or a smaller offset.");
        }
    }

    /** Frees the packing scratch buffers, if any; the kernels belong to the device's cache. */
    @Override
    public void close() {
        try {
            if (packLeft != null) {
                packLeft.close();
            }
        } finally {
            if (packRight != null) {
                packRight.close();
            }
        }
    }
}
