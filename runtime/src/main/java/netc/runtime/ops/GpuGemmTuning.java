package netc.runtime.ops;

import java.util.List;
import netc.runtime.cl.Defines;
import netc.runtime.cl.DeviceInfo;

/**
 * The tile sizes {@code gemm_tiled.cl} is built with on one device: a work-group computes a
 * {@code tileM × tileN} tile of C, stepping {@code tileK} along k through local memory; each of its
 * {@code (tileM / rowsPerItem) × (tileN / colsPerItem)} work-items owns {@code rowsPerItem × colsPerItem}
 * outputs and loads {@code vectorWidth} consecutive floats at a time.
 *
 * <p>The largest candidate is a common starting point for GPUs (64 × 64 tiles of 256 work-items, 4 × 4
 * outputs each); it was only verified on PoCL (correctness), never tuned on a GPU.
 * Smaller candidates serve devices whose work-group or local-memory limits are lower.
 */
record GpuGemmTuning(int tileM, int tileN, int tileK, int rowsPerItem, int colsPerItem, int vectorWidth) {
    /** 256 work-items, 8.3 KB of local memory: fits every desktop GPU's limits. */
    static final GpuGemmTuning LARGE = new GpuGemmTuning(64, 64, 16, 4, 4, 4);
    /** 64 work-items (one AMD wavefront, two NVIDIA warps), 4.2 KB. */
    static final GpuGemmTuning MEDIUM = new GpuGemmTuning(32, 32, 16, 4, 4, 4);
    /** 16 work-items, 1.1 KB: small embedded GPUs. */
    static final GpuGemmTuning SMALL = new GpuGemmTuning(8, 8, 8, 2, 2, 4);
    /** One work-item, 160 bytes: runs on any OpenCL device. */
    static final GpuGemmTuning MINIMAL = new GpuGemmTuning(4, 4, 4, 4, 4, 4);
    /** Largest first; {@link #of} takes the first that fits. */
    static final List<GpuGemmTuning> CANDIDATES = List.of(LARGE, MEDIUM, SMALL, MINIMAL);

    GpuGemmTuning {
        if (tileM % rowsPerItem != 0 || tileN % colsPerItem != 0) {
            throw new IllegalArgumentException("GEMM tile " + tileM + " x " + tileN + " is not a whole number of "
                    + rowsPerItem + " x " + colsPerItem + " work-item blocks; pick tile sizes that are multiples.");
        }
        if (tileM % vectorWidth != 0 || tileN % vectorWidth != 0 || tileK % vectorWidth != 0) {
            throw new IllegalArgumentException("GEMM tile " + tileM + " x " + tileN + " x " + tileK
                    + " is not a multiple of the load width " + vectorWidth + " in every dimension; a vector"
                    + " load must not straddle two rows of a tile.");
        }
    }

    /** The largest candidate whose work-group and local memory fit {@code device}'s limits. */
    static GpuGemmTuning of(DeviceInfo device) {
        return largestFitting(device.maxWorkGroupSize(), device.localMemoryBytes());
    }

    /** The first of {@link #CANDIDATES} within {@code maxWorkItems} and {@code localBytes}. */
    static GpuGemmTuning largestFitting(long maxWorkItems, long localBytes) {
        for (GpuGemmTuning candidate : CANDIDATES) {
            if (candidate.workItems() <= maxWorkItems && candidate.localMemoryBytes() <= localBytes) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("No GEMM tile fits a device with " + maxWorkItems + " work-items per"
                + " group and " + localBytes + " bytes of local memory; use the register-blocked GEMM ("
                + GemmVariant.PROPERTY + "=" + GemmVariant.REGISTER_BLOCKED.option() + ").");
    }

    /** The next smaller candidate, or null: for a kernel whose own work-group limit (registers) is lower. */
    GpuGemmTuning smaller() {
        int index = CANDIDATES.indexOf(this);
        return index >= 0 && index + 1 < CANDIDATES.size() ? CANDIDATES.get(index + 1) : null;
    }

    /** Work-items along C's columns (local dimension 0, the fastest). */
    int itemsAcross() {
        return tileN / colsPerItem;
    }

    /** Work-items along C's rows (local dimension 1). */
    int itemsDown() {
        return tileM / rowsPerItem;
    }

    int workItems() {
        return itemsAcross() * itemsDown();
    }

    /** The two local tiles, each row padded by one float (PAD in gemm_tiled.cl). */
    long localMemoryBytes() {
        return (long) Float.BYTES * tileK * ((tileM + 1) + (tileN + 1));
    }

    /** One work-group per tile of C: (column tiles × items across, row tiles × items down). */
    long[] global(GemmShape shape) {
        return new long[] {ceilDiv(shape.n(), tileN) * itemsAcross(), ceilDiv(shape.m(), tileM) * itemsDown()};
    }

    long[] local() {
        return new long[] {itemsAcross(), itemsDown()};
    }

    Defines defines(GemmShape shape) {
        return Defines.of()
                .set("M", shape.m()).set("N", shape.n()).set("K", shape.k())
                .set("TRANS_A", shape.transA()).set("TRANS_B", shape.transB())
                .set("ACCUMULATE", shape.accumulate())
                .set("TM", tileM).set("TN", tileN).set("TK", tileK)
                .set("WPT_M", rowsPerItem).set("WPT_N", colsPerItem).set("VECTOR_WIDTH", vectorWidth);
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }
}
