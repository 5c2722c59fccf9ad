package netc.data;

/**
 * The random numbers one image's augmentation draws: SplitMix64 from (seed, epoch, image index) alone,
 * so an image is augmented the same way whichever batch it lands in and whether or not the run was
 * resumed. Written out, like {@link EpochOrder}, so that the draws cannot change with the Java version.
 */
final class AugmentationRandom {
    private static final long SALT = 0x41756728656E7429L;
    private long state;

    AugmentationRandom(long seed, int epoch, int index) {
        this.state = mix(mix(mix(seed ^ SALT) + epoch) + index);
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)}; the bias (at most bound / 2^32) is far below anything visible. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [0, 1), 24 bits: every value a float holds exactly. */
    float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
