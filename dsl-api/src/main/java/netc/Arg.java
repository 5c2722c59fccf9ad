package netc;

/**
 * Placeholders for a {@link Block}'s arguments in its layers' attributes: {@code @Conv(out = ARG0)}
 * takes the first value of each {@link Use#args()}. Give them names with constants
 * ({@code static final int CHANNELS = ARG0;}). The values are far outside any valid size, so a
 * placeholder can never be mistaken for a size written by hand.
 */
public final class Arg {
    public static final int ARG0 = Integer.MIN_VALUE;
    public static final int ARG1 = ARG0 + 1;
    public static final int ARG2 = ARG0 + 2;
    public static final int ARG3 = ARG0 + 3;
    public static final int ARG4 = ARG0 + 4;
    public static final int ARG5 = ARG0 + 5;
    public static final int ARG6 = ARG0 + 6;
    public static final int ARG7 = ARG0 + 7;
    /** How many placeholders there are. */
    public static final int COUNT = 8;

    private Arg() {}

    /** Whether {@code value} is a placeholder. */
    public static boolean isPlaceholder(int value) {
        return value >= ARG0 && value < ARG0 + COUNT;
    }

    /** The argument position of a placeholder. */
    public static int position(int value) {
        return value - ARG0;
    }
}
