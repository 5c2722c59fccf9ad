package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.ScratchSource;

/**
 * {@link GemmVariant#REGISTER_BLOCKED}: {@code gemm.cl} as its {@link GemmPlan} says, packing an operand
 * first into a scratch buffer when the plan asks for it (its own, or a region of the model's shared scratch). A {@link GemmBatch} of several
 * products runs as one launch over a third grid dimension, with unpacked operands (the scratch would
 * otherwise have to hold every product's copy).
 */
final class BlockedGemm implements GemmLaunch {
    private final GemmPlan plan;
    private final Kernel kernel;
    private final long[] global;
    private final long[] local;
    private final GemmPack packLeft;
    private final GemmPack packRight;

    BlockedGemm(Device device, GemmShape shape, GemmPlan plan) {
        this(device, shape, plan, GemmBatch.SINGLE, ScratchSource.own(device));
    }

    /** Packing into buffers from {@code scratch}: the GEMM's own, or its op's share of the model's scratch. */
    BlockedGemm(Device device, GemmShape shape, GemmPlan plan, GemmBatch batch, ScratchSource scratch) {
        if (batch.batched() && (plan.packLeft() || plan.packRight())) {
            throw new IllegalArgumentException("GEMM " + shape + ": a batch of " + batch.count() + " products runs"
                    + " with unpacked operands, but the plan packs; build its plan with packing off"
                    + " (GemmPlan.batched).");
        }
        this.plan = plan;
        // The kernel's left operand is B when the plan swaps (TT), so its strides swap too.
        Defines defines = plan.defines(shape)
                .set("STRIDE_LEFT", plan.swapped() ? batch.strideB() : batch.strideA())
                .set("STRIDE_RIGHT", plan.swapped() ? batch.strideA() : batch.strideB())
                .set("STRIDE_C", batch.strideC());
        this.kernel = device.kernel("gemm.cl", plan.kernelName(), defines);
        GemmGroups groups = GemmGroups.of(device);
        long[] matrixLocal = plan.columnsFirst()
                ? columnsFirst(groups, plan.global(), kernel.maxWorkGroupSize(), batch.count())
                : groups.local(plan.global(), kernel.maxWorkGroupSize(), batch.count());
        long[] matrixGlobal = GemmGroups.padded(plan.global(), matrixLocal);
        // One product keeps its two-dimensional launch; a batch adds the products as dimension 2.
        this.local = batch.batched() ? new long[] {matrixLocal[0], matrixLocal[1], 1} : matrixLocal;
        this.global = batch.batched() ? new long[] {matrixGlobal[0], matrixGlobal[1], batch.count()} : matrixGlobal;
        this.packLeft = plan.packLeft() ? new GemmPack(device, "gemm_pack_left", defines, groups,
                plan.packGrid(shape, true), false, scratch.take(plan.packedLeftFloats(shape))) : null;
        this.packRight = plan.packRight() ? new GemmPack(device, "gemm_pack_right", defines, groups,
                plan.packGrid(shape, false), plan.streamPackRight(), scratch.take(plan.packedRightFloats(shape)))
                : null;
    }

    /**
     * Swapped NT (a few column blocks: C's rows) groups all column blocks of a few row blocks, so that a
     * work-group reads its rows of the large left operand from memory once and reuses them from cache for
     * every column block, instead of each column block streaming all of it: measured (PoCL, Zen 4) for
     * 64 x 4096 x 6400, 35-38 ms against 56-73 ms with the row blocks first. A product bound by storing C
     * (a short K) groups so too, to write long runs of C's rows ({@link GemmPlan#COLUMNS_FIRST_MAX_K}).
     */
    static long[] columnsFirst(GemmGroups groups, long[] global, long kernelMaxGroup, long products) {
        long[] local = groups.local(new long[] {global[1], global[0]}, kernelMaxGroup, products);
        return new long[] {local[1], local[0]};
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
