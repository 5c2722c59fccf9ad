package netc.runtime.train;

/**
 * Stops training at the first step whose loss is NaN or infinite: past that point every weight is
 * poisoned, and reporting "loss nan, acc 0.100" for the remaining epochs would hide the cause.
 */
public final class LossGuard {
    private final double learningRate;

    public LossGuard(double learningRate) {
        this.learningRate = learningRate;
    }

    /**
     * @param epoch 1-based, as reported
     * @param step 1-based within the epoch
     */
    public void check(float loss, int epoch, int step) {
        if (Float.isFinite(loss)) {
            return;
        }
        throw new TrainingDivergedException(String.format(java.util.Locale.ROOT,
                "Training diverged: the loss became %s at epoch %d, step %d with learning rate %s;"
                        + " lower the learning rate (e.g. --lr %s) and train again.",
                Float.isNaN(loss) ? "NaN" : "infinite", epoch, step, format(learningRate),
                format(learningRate / 10)));
    }

    /** Three significant digits, plain for everyday rates (0.09) and scientific for extreme ones (1E+38). */
    private static String format(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toString();
    }
}
