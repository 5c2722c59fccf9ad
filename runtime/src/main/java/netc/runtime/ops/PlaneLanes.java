package netc.runtime.ops;

/**
 * The vector width of the elementwise passes over {@code (N, C, spatial)} tensors that need a
 * per-channel value (batch norm, global average pooling's backward): a work-item owns this many
 * adjacent floats of one plane, so it reads that value once and no vector straddles two channels.
 */
final class PlaneLanes {
    private PlaneLanes() {}

    /** The most lanes, 16, 8, 4, 2 or 1, whose count divides {@code spatial}; the kernels' {@code VEC} define. */
    static int of(int spatial) {
        for (int lanes = 16; lanes > 1; lanes /= 2) {
            if (spatial % lanes == 0) {
                return lanes;
            }
        }
        return 1;
    }
}
