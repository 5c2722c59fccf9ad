package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/** One packing step of a {@link Gemm}: a {@code gemm_pack_*} kernel and the scratch buffer it fills. */
final class GemmPack implements AutoCloseable {
    private final Kernel kernel;
    private final long[] global;
    private final long[] local;
    private final Buffer packed;

    /**
     * {@code kernelName} over {@code grid} (k row groups, blocks), filling {@code packed} (scratch); with
     * {@code blocksFirst} a work-group spans blocks before k row groups, so that it reads along an
     * operand stored K x Q (rows along the blocks) instead of down it, a page per row.
     */
    GemmPack(Device device, String kernelName, Defines defines, GemmGroups groups, long[] grid, boolean blocksFirst,
            Buffer packed) {
        this.kernel = device.kernel("gemm.cl", kernelName, defines);
        this.local = blocksFirst
                ? BlockedGemm.columnsFirst(groups, grid, kernel.maxWorkGroupSize(), 1)
                : groups.local(grid, kernel.maxWorkGroupSize());
        this.global = GemmGroups.padded(grid, local);
        this.packed = packed;
    }

    /** Enqueues packing the operand at {@code source[offset]} and returns the packed copy (offset 0). */
    Buffer pack(Buffer source, long offset) {
        kernel.launch(global, local, packed, source, offset);
        return packed;
    }

    @Override
    public void close() {
        packed.close();
    }
}
