package netc.runtime.ops;

/** Global work sizes for one-work-item-per-element kernels (which guard against the padding themselves). */
final class WorkSizes {
    /** Rounding to this keeps drivers from choosing tiny work-groups for awkward (e.g. prime) sizes. */
    static final int GROUP_MULTIPLE = 64;

    private WorkSizes() {}

    static long roundUp(long count) {
        return (count + GROUP_MULTIPLE - 1) / GROUP_MULTIPLE * GROUP_MULTIPLE;
    }
}
