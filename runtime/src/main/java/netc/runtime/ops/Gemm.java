package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.model.DeviceMemory;

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
     * The device memory a GEMM of {@code shape} allocates: the packing scratch its plan asks for. The
     * plan's choices depend on the shape only; the scratch is rounded up to whole register blocks, which
     * are counted here at the widest tuning (16 x 16, AVX-512 CPUs: exact there). Other devices' blocks
     * round differently, by less than one block (16·k floats) per packed operand.
     */
    public static DeviceMemory deviceMemory(GemmShape shape) {
        GemmPlan plan = GemmPlan.of(shape, GemmTuning.SIMD16);
        DeviceMemory memory = DeviceMemory.NONE;
        if (plan.packLeft()) {
            memory = memory.plus(DeviceMemory.floats(plan.packedLeftFloats(shape)));
        }
        if (plan.packRight()) {
            memory = memory.plus(DeviceMemory.floats(plan.packedRightFloats(shape)));
        }
        return memory;
    }

    /**
     * As {@link #deviceMemory(GemmShape)} for {@code op(A)} {@code m × k} and {@code op(B)} {@code k × n},
     * also for shapes {@link GemmShape} refuses (a matrix of 2^31 elements or more, e.g. at an absurd
     * batch size): those count both operands packed, an upper bound, since no such GEMM is ever built.
     */
    public static DeviceMemory deviceMemory(boolean transA, boolean transB, int m, int n, int k) {
        long limit = Integer.MAX_VALUE;
        if ((long) m * n > limit || (long) m * k > limit || (long) k * n > limit) {
            return DeviceMemory.floats((long) m * k).plus(DeviceMemory.floats((long) k * n));
        }
        return deviceMemory(new GemmShape(transA, transB, m, n, k, false));
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
