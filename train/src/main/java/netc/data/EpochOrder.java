package netc.data;

/**
 * The order in which one epoch visits a dataset: a permutation that depends on (seed, epoch) alone, so
 * a run resumed at epoch e sees exactly the batches an uninterrupted run would. SplitMix64 is written
 * out here rather than borrowed from the JDK so the order cannot change with the Java version.
 */
public final class EpochOrder {
    private EpochOrder() {}

    /** {@code 0, 1, ..., count-1}, shuffled (Fisher–Yates) when {@code shuffle} is set. */
    public static int[] of(int count, boolean shuffle, long seed, int epoch) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        if (!shuffle) {
            return order;
        }
        long state = mix(seed ^ mix(0x6A09E667F3BCC909L + epoch));
        for (int i = count - 1; i > 0; i--) {
            state += 0x9E3779B97F4A7C15L;
            // The high 32 bits scaled to [0, i]: the bias is at most i / 2^32, far below anything visible.
            int j = (int) (((mix(state) >>> 32) * (i + 1L)) >>> 32);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
