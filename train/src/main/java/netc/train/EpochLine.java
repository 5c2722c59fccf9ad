package netc.train;

import java.util.Locale;

/** The lines a training run prints, in d2l's words and number formats. */
public final class EpochLine {
    private EpochLine() {}

    public static String epoch(EpochMetrics m, int epochs) {
        return epoch(m, epochs, false);
    }

    /** With {@code showRate}, the epoch's learning rate after the scores (a scheduled run's rate changes). */
    public static String epoch(EpochMetrics m, int epochs, boolean showRate) {
        String rate = showRate ? ", lr " + Float32Range.format(significant(m.learningRate())) : "";
        return String.format(Locale.ROOT, "epoch %d/%d: %s%s (%.1f examples/sec, %.1f s)", m.epoch(), epochs,
                scores(m), rate, m.imagesPerSecond(), m.seconds());
    }

    /** Four significant digits: a cosine's 0.009755282581475769 reads 0.009755. */
    private static double significant(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
            return value;
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).doubleValue();
    }

    /** {@code loss 0.469, train acc 0.823, test acc 0.779}, as d2l's {@code train_ch6} ends. */
    public static String scores(EpochMetrics m) {
        return String.format(Locale.ROOT, "loss %.3f, train acc %.3f, test acc %.3f", m.loss(), m.trainAccuracy(),
                m.testAccuracy());
    }

    public static String speed(double examplesPerSecond, String device) {
        return String.format(Locale.ROOT, "%.1f examples/sec on %s", examplesPerSecond, device);
    }
}
