package netc.runtime.ops;

import netc.runtime.cl.Device;

/**
 * Sizes the work-groups of the GEMM kernels (2-D grids of blocks) for one device.
 *
 * <p>A CPU driver such as PoCL runs each work-group as one task on one core, so a group must not be
 * so large that too few groups are left to share between the cores: with PoCL on the 2-core Zen 4
 * development machine, 144 blocks in three groups of 64 ran at 120 GFLOP/s where a finer split ran
 * ~160. A GPU needs groups of at least a warp.
 *
 * @param computeUnits the device's compute units (cores, or GPU multiprocessors)
 * @param minGroup the smallest group worth launching (1 on CPUs, a warp on GPUs)
 */
record GemmGroups(int computeUnits, int minGroup) {
    /** Work-items per work-group at most: enough for a GPU warp/wavefront, small enough for any device. */
    static final int GROUP_LIMIT = 64;
    /** Groups per compute unit to aim for, so that uneven group costs even out. */
    static final int GROUPS_PER_UNIT = 4;
    static final int GPU_MIN_GROUP = 32;

    static GemmGroups of(Device device) {
        return new GemmGroups(device.info().computeUnits(), device.info().gpu() ? GPU_MIN_GROUP : 1);
    }

    /**
     * A work-group of up to {@link #GROUP_LIMIT} work-items (fewer if the kernel allows fewer, or if
     * the grid would otherwise give under {@link #GROUPS_PER_UNIT} groups per compute unit), spread over
     * the first dimension first (row blocks, which share a column panel), then the second.
     */
    long[] local(long[] global, long kernelMaxGroup) {
        return local(global, kernelMaxGroup, 1);
    }

    /**
     * As {@link #local(long[], long)} for a grid run {@code products} times (a batch's third dimension): the
     * groups of all products share the cores, so one product's grid may be split into fewer, larger groups.
     */
    long[] local(long[] global, long kernelMaxGroup, long products) {
        long items = global[0] * global[1] * products;
        long group = Long.highestOneBit(Math.max(1, Math.min(GROUP_LIMIT, kernelMaxGroup)));
        while (group > minGroup && items / group < (long) GROUPS_PER_UNIT * computeUnits) {
            group /= 2;
        }
        long first = Math.min(group, ceilPowerOfTwo(global[0]));
        long second = Math.min(group / first, ceilPowerOfTwo(global[1]));
        return new long[] {first, second};
    }

    /** The grid rounded up to whole work-groups; the kernels return early on the padding. */
    static long[] padded(long[] global, long[] local) {
        return new long[] {ceilDiv(global[0], local[0]) * local[0], ceilDiv(global[1], local[1]) * local[1]};
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }

    private static long ceilPowerOfTwo(long value) {
        return value <= 1 ? 1 : Long.highestOneBit(value - 1) * 2;
    }
}
