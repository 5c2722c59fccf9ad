package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.ScratchSource;
import netc.runtime.model.DeviceMemory;

/**
 * A matrix product specialised to one {@link GemmShape}: every dimension and transpose is a
 * compile-time constant of the kernel. Offsets (in floats) let one product work on a slice of a
 * larger buffer, e.g. one image of a batch. Which kernel depends on the device ({@link GemmVariant}):
 * register blocks ({@code gemm.cl}) on CPUs, local-memory tiles ({@code gemm_tiled.cl}) on GPUs.
 *
 * <p>With register blocks, large products first copy an operand into cache-friendly blocks in a
 * scratch buffer this object owns (the operand rounded up to whole blocks); {@link #close()} frees it.
 * C must not overlap A or B. All work is enqueued on the device's one in-order queue, so consecutive
 * runs may share the scratch.
 *
 * <p>A {@link GemmBatch} makes one {@link #run} compute several products of the shape at fixed strides:
 * one launch with the register blocks (unpacked, so no scratch), one per product with the tiles.
 */
public final class Gemm implements AutoCloseable {
    private final GemmShape shape;
    private final GemmBatch batch;
    private final GemmLaunch launch;
    /** Whether one launch computes the whole batch; else {@link #run} launches once per product. */
    private final boolean launchRunsBatch;

    /** With the {@link GemmVariant} for {@code device}: by its type, unless overridden. */
    public Gemm(Device device, GemmShape shape) {
        this(device, shape, GemmBatch.SINGLE);
    }

    /** A batch of products of {@code shape}, with the {@link GemmVariant} for {@code device}. */
    public Gemm(Device device, GemmShape shape, GemmBatch batch) {
        this(device, shape, batch, ScratchSource.own(device));
    }

    /** As {@link #Gemm(Device, GemmShape)}, with the packing scratch taken from {@code scratch} (an op's lease). */
    public Gemm(Device device, GemmShape shape, ScratchSource scratch) {
        this(device, shape, GemmBatch.SINGLE, scratch);
    }

    /** As {@link #Gemm(Device, GemmShape, GemmBatch)}, with the packing scratch taken from {@code scratch}. */
    public Gemm(Device device, GemmShape shape, GemmBatch batch, ScratchSource scratch) {
        this(device, shape, GemmVariant.of(device.info()), batch, scratch);
    }

    /** With a given variant (tests force the tiled one on a CPU). */
    Gemm(Device device, GemmShape shape, GemmVariant variant) {
        this(device, shape, variant, GemmBatch.SINGLE);
    }

    /** A batch with a given variant (tests force the tiled one on a CPU). */
    Gemm(Device device, GemmShape shape, GemmVariant variant, GemmBatch batch) {
        this(device, shape, variant, batch, ScratchSource.own(device));
    }

    private Gemm(Device device, GemmShape shape, GemmVariant variant, GemmBatch batch, ScratchSource scratch) {
        this(shape, batch, variant == GemmVariant.LOCAL_TILED ? new TiledGemm(device, shape)
                : new BlockedGemm(device, shape, planFor(shape, GemmTuning.of(device), batch), batch, scratch));
    }

    /** The register-blocked variant with a given plan (tests force each kernel and packing choice). */
    Gemm(Device device, GemmShape shape, GemmPlan plan) {
        this(device, shape, plan, GemmBatch.SINGLE);
    }

    /** A batch with the register-blocked variant and a given plan, which must not pack if it is batched. */
    Gemm(Device device, GemmShape shape, GemmPlan plan, GemmBatch batch) {
        this(shape, batch, new BlockedGemm(device, shape, plan, batch, ScratchSource.own(device)));
    }

    /** The tiled variant with given tile sizes (tests check each candidate). */
    Gemm(Device device, GemmShape shape, GpuGemmTuning tuning) {
        this(shape, GemmBatch.SINGLE, new TiledGemm(device, shape, tuning));
    }

    private Gemm(GemmShape shape, GemmBatch batch, GemmLaunch launch) {
        this.shape = shape;
        this.batch = batch;
        this.launch = launch;
        this.launchRunsBatch = launch instanceof BlockedGemm || !batch.batched();
        if (batch.batched() && batch.strideC() < (long) shape.m() * shape.n()) {
            launch.close();
            throw new IllegalArgumentException("GEMM " + shape + ": a batch's products must not overlap in C, but"
                    + " its stride " + batch.strideC() + " is below one C of " + (long) shape.m() * shape.n()
                    + " floats; pass a stride of at least that.");
        }
    }

    /** The register-blocked plan: packing by size for one product, none for a batch. */
    private static GemmPlan planFor(GemmShape shape, GemmTuning tuning, GemmBatch batch) {
        return batch.batched() ? GemmPlan.batched(shape, tuning) : GemmPlan.of(shape, tuning);
    }

    /**
     * The device memory a GEMM of {@code shape} takes: the packing scratch its plan asks for. The plan's
     * choices depend on the shape only; the scratch is rounded up to whole register blocks, whose size the
     * device's tuning sets, so this counts the largest any tuning needs ({@link GemmTuning#any}: exact on
     * AVX-512 CPUs with the built-in 16 x 16 blocks, an upper bound elsewhere), which a shared scratch
     * block sized by it must hold. The tiled variant packs nothing.
     */
    public static DeviceMemory deviceMemory(GemmShape shape) {
        long left = 0;
        long right = 0;
        for (GemmTuning tuning : GemmTuning.any()) {
            GemmPlan plan = GemmPlan.of(shape, tuning);
            left = Math.max(left, plan.packLeft() ? plan.packedLeftFloats(shape) : 0);
            right = Math.max(right, plan.packRight() ? plan.packedRightFloats(shape) : 0);
        }
        DeviceMemory memory = DeviceMemory.NONE;
        if (left > 0) {
            memory = memory.plus(DeviceMemory.scratchFloats(left));
        }
        if (right > 0) {
            memory = memory.plus(DeviceMemory.scratchFloats(right));
        }
        return memory;
    }

    /** As {@link #deviceMemory(GemmShape)} for a batch of products: nothing when batched, as they run unpacked. */
    public static DeviceMemory deviceMemory(GemmShape shape, GemmBatch batch) {
        return batch.batched() ? DeviceMemory.NONE : deviceMemory(shape);
    }

    /**
     * As {@link #deviceMemory(GemmShape)} for {@code op(A)} {@code m × k} and {@code op(B)} {@code k × n},
     * also for shapes {@link GemmShape} refuses (a matrix of 2^31 elements or more, e.g. at an absurd
     * batch size): those count both operands packed, an upper bound, since no such GEMM is ever built.
     */
    public static DeviceMemory deviceMemory(boolean transA, boolean transB, int m, int n, int k) {
        long limit = Integer.MAX_VALUE;
        if ((long) m * n > limit || (long) m * k > limit || (long) k * n > limit) {
            return DeviceMemory.scratchFloats((long) m * k).plus(DeviceMemory.scratchFloats((long) k * n));
        }
        return deviceMemory(new GemmShape(transA, transB, m, n, k, false));
    }

    /**
     * Enqueues {@code C = op(A)·op(B)} (or {@code C += ...}), reading A, B and writing C at the given
     * offsets, for every product of the batch (the offsets are the first product's); packs first what
     * the plan packs.
     */
    public void run(Buffer c, long cOffset, Buffer a, long aOffset, Buffer b, long bOffset) {
        long last = batch.count() - 1L;
        checkFits("C", c, cOffset, last * batch.strideC() + (long) shape.m() * shape.n());
        checkFits("A", a, aOffset, last * batch.strideA() + (long) shape.m() * shape.k());
        checkFits("B", b, bOffset, last * batch.strideB() + (long) shape.k() * shape.n());
        if (launchRunsBatch) {
            launch.run(c, cOffset, a, aOffset, b, bOffset);
            return;
        }
        for (long i = 0; i <= last; i++) {
            launch.run(c, cOffset + i * batch.strideC(), a, aOffset + i * batch.strideA(), b,
                    bOffset + i * batch.strideB());
        }
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
        launch.close();
    }
}
