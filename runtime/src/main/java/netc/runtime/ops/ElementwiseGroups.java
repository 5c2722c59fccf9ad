package netc.runtime.ops;

/** Launch sizes of the kernels built on elementwise.cl, whose work-items own 16 floats each. */
final class ElementwiseGroups {
    /** Floats per work-item, elementwise.cl's {@code GROUP_FLOATS}. */
    static final int FLOATS = 16;

    private ElementwiseGroups() {}

    /** The global range over {@code count} floats. */
    static long[] covering(long count) {
        return WorkItems.covering((count + FLOATS - 1) / FLOATS);
    }
}
