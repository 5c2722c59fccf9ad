package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/**
 * {@link GemmVariant#REGISTER_BLOCKED}: {@code gemm.cl} as its {@link GemmPlan} says, packing an operand
 * first into a scratch buffer this object owns when the plan asks for it.
 */
final class BlockedGemm implements GemmLaunch {
    private final GemmPlan plan;
    private final Kernel kernel;
    private final long[] global;
    private final long[] local;
    private final GemmPack packLeft;
    private final GemmPack packRight;

    BlockedGemm(Device device, GemmShape shape, GemmPlan plan) {
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

    @Override
    public void run(Buffer c, long cOffset, Buffer a, long aOffset, Buffer b, long bOffset) {
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
