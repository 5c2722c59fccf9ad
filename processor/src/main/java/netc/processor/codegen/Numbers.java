package netc.processor.codegen;

import java.util.Locale;

/** How the shape table and the summary write counts: grouped digits, and the order of magnitude. */
public final class Numbers {
    private Numbers() {}

    /** {@code 46,764,746}. */
    public static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 0.94 G}, {@code 0.42 M}: the order of magnitude at a glance. */
    public static String approximate(long value) {
        if (value >= 100_000_000L) {
            return String.format(Locale.ROOT, "%.2f G", value / 1e9);
        }
        if (value >= 100_000L) {
            return String.format(Locale.ROOT, "%.2f M", value / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f k", value / 1e3);
    }

    /** {@code 316.1 MB}, {@code 1.26 GB}, {@code 19.5 kB}: bytes in decimal units, as memory figures are quoted. */
    public static String bytes(long value) {
        if (value >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f GB", value / 1e9);
        }
        if (value >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", value / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f kB", value / 1e3);
    }
}
