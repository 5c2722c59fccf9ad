package netc.runtime.cl;

import java.util.ArrayList;
import java.util.List;

/**
 * One block of device memory that the ops of a model share for what they use only inside one call (im2col
 * columns, GEMM packing, Winograd transforms). Ops run one at a time on the device's in-order queue, so one
 * op's scratch can be where the op before it kept its own: the block is as large as the largest op needs,
 * not the sum of them all (AlexNet at batch 64: ~180 MB instead of ~790 MB).
 *
 * <p>Each op takes a {@link Lease} and its regions from it; every lease starts at the block's beginning.
 * Regions are {@link Buffer#view views}, aligned for the device; the block owns them and closes them with
 * itself (an op closing one as well does no harm). An op must keep nothing in its regions from one call to
 * the next.
 */
public final class Scratch implements AutoCloseable {
    /**
     * Regions start at multiples of this many floats (1 KiB), a multiple of every device's base address
     * alignment that views need (128 bytes on PoCL, 512 on NVIDIA's drivers), whatever the device.
     */
    static final long REGION_ALIGNMENT = 256;
    /** The block has room for this many regions' rounding up to the alignment (an op takes a handful). */
    private static final int ROUNDED_REGIONS = 16;

    private final Device device;
    private final Buffer block;
    private final List<Buffer> regions = new ArrayList<>();

    /** A block of {@code floats}, as {@link #blockFloats} sizes it. */
    public Scratch(Device device, long floats) {
        this.device = device;
        this.block = floats > 0 ? Buffer.allocate(device, floats) : null;
    }

    /**
     * The block for ops whose largest takes {@code largestOpFloats} in all its regions: that, with room
     * for the regions' rounding; none when no op takes any.
     */
    public static long blockFloats(long largestOpFloats) {
        return largestOpFloats == 0 ? 0 : largestOpFloats + ROUNDED_REGIONS * REGION_ALIGNMENT;
    }

    /** Where one op takes its regions, from the block's beginning. */
    public Lease lease() {
        return new Lease();
    }

    /** The regions of one op, one after the other. */
    public final class Lease implements ScratchSource {
        private long next;

        private Lease() {}

        @Override
        public Buffer take(long floats) {
            long size = block == null ? 0 : block.elements();
            if (next + floats > size) {
                throw new IllegalStateException("The model's scratch block holds " + size + " floats, but an op"
                        + " asks for " + (next + floats) + "; the memory estimate undercounts that op's scratch"
                        + " (a netc bug: please report it with the network).");
            }
            Buffer region = block.view(next, floats);
            regions.add(region);
            next += (floats + REGION_ALIGNMENT - 1) / REGION_ALIGNMENT * REGION_ALIGNMENT;
            return region;
        }
    }

    public Device device() {
        return device;
    }

    @Override
    public void close() {
        regions.forEach(Buffer::close);
        if (block != null) {
            block.close();
        }
    }
}
