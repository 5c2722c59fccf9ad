package netc.processor.model;

/** Saturating arithmetic for sizes, so a 10⁹-channel network is reported as absurd instead of overflowing. */
public final class Sizes {
    /** The most values one tensor (or one parameter) may hold: the runtime indexes with {@code int}. */
    public static final long MAX_VALUES = Integer.MAX_VALUE;

    private Sizes() {}

    /** {@code a × b}, or {@link Long#MAX_VALUE} when that would overflow; both must be non-negative. */
    public static long times(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }

    /** {@code a + b}, or {@link Long#MAX_VALUE} when that would overflow; both must be non-negative. */
    public static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
