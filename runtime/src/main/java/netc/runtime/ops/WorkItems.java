package netc.runtime.ops;

import netc.runtime.cl.Tensor;

/**
 * Launch-size and argument checks shared by the small ops: ranges are rounded up to a multiple of
 * {@link #GROUP} (kernels return early past the end) so that no driver is left to pick a tiny
 * work-group for an awkward count, and tensors are only required to be big enough, since models pass
 * slices of shared workspaces.
 */
final class WorkItems {
    /**
     * The multiple ranges are rounded up to: a multiple of a GPU warp, so that the work-group size the
     * driver picks (these launches pass none) can be a whole number of warps.
     */
    static final long GROUP = 64;

    private WorkItems() {}

    /** A one-dimensional global range of at least {@code count} work-items. */
    static long[] covering(long count) {
        return new long[] {Math.max(GROUP, (count + GROUP - 1) / GROUP * GROUP)};
    }

    /** Fails unless {@code tensor} holds at least {@code needed} floats. */
    static void requireCapacity(Tensor tensor, long needed, String op, String role) {
        if (tensor.size() < needed) {
            throw new IllegalArgumentException(op + ": the " + role + " tensor " + tensor + " holds " + tensor.size()
                    + " floats but " + needed + " are needed; pass a tensor of at least that size.");
        }
    }

    /** The kernels index with {@code int}; fails for a tensor too large for that. */
    static void requireIntIndexable(String op, long elements) {
        if (elements > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": " + elements + " elements exceed the 2^31 - 1 a kernel can"
                    + " index; use a smaller batch.");
        }
    }
}
