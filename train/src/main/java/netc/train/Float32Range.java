package netc.train;

import java.math.BigDecimal;
import java.util.List;

/**
 * The values a hyper-parameter may take once the kernels see it as float32: a value float32 cannot hold
 * (1e-50 becomes 0) would train nothing, or something else than asked, without a word. Subnormals are
 * refused too: they lose precision and a device may flush them to 0.
 */
enum Float32Range {
    /** A learning rate: a normal float32. */
    RATE(false, Float.MAX_VALUE, "a normal float32 from " + Float.MIN_NORMAL + " to " + Float.MAX_VALUE),
    /** A momentum or beta: any closer to 1 than the largest float32 below 1 becomes 1 in the kernels. */
    BELOW_ONE(true, Math.nextDown(1f), "in [0, 1): 0, or a normal float32 from " + Float.MIN_NORMAL + " to "
            + Math.nextDown(1f)),
    /** A weight decay: 0 or a normal float32. */
    NON_NEGATIVE(true, Float.MAX_VALUE, "0, or a normal float32 from " + Float.MIN_NORMAL + " to " + Float.MAX_VALUE);

    private final boolean zeroAllowed;
    private final float largest;
    private final String range;

    Float32Range(boolean zeroAllowed, float largest, String range) {
        this.zeroAllowed = zeroAllowed;
        this.largest = largest;
        this.range = range;
    }

    boolean contains(double value) {
        float asFloat = (float) value;
        return zeroAllowed && value == 0 || value > 0 && asFloat >= Float.MIN_NORMAL && asFloat <= largest;
    }

    /** Adds {@code "<option> must be <range>, got <value>[, which <what float32 makes of it>]"} if outside. */
    void check(String option, double value, List<String> problems) {
        if (!contains(value)) {
            problems.add(option + " must be " + range + ", got " + value + fate(value));
        }
    }

    /** What float32 makes of {@code value}, when that is why it is refused; empty otherwise. */
    static String fate(double value) {
        float asFloat = (float) value;
        if (Double.isNaN(value) || Double.isInfinite(value) || value <= 0) {
            return "";
        }
        if (Float.isInfinite(asFloat)) {
            return ", which overflows float32 to infinity";
        }
        if (asFloat == 0f) {
            return ", which rounds to 0 in float32";
        }
        if (asFloat < Float.MIN_NORMAL) {
            return ", which is subnormal in float32 (" + asFloat + ") and may be flushed to 0 on the device";
        }
        if (value < 1 && asFloat == 1f) {
            return ", which rounds to 1 in float32";
        }
        return "";
    }

    /** A hyper-parameter as people write it: {@code 0.9}, {@code 0.0005}, {@code 1E-8}. */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude == 0 || magnitude >= 1e-4 && magnitude < 1e7 ? decimal.toPlainString() : decimal.toString();
    }
}
