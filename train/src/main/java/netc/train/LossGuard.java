package netc.train;

/**
 * Stops training at the first step whose loss is NaN, infinite or exploded: past that point every weight
 * is poisoned, and reporting "loss nan, acc 0.100" for the remaining epochs would hide the cause.
 */
public final class LossGuard {
    /**
     * A mean cross-entropy above this puts the right class's logit about 1000 below the top one on
     * average, a probability of e^-1000, far past float32's smallest (e^-103): only exploded weights do
     * that. It must be caught although finite: bounded activations (sigmoid LeNet) keep an exploded
     * loss finite, e.g. 1.5E+31 at lr 1e30, for every epoch.
     */
    static final float EXPLODED_LOSS = 1000f;

    private final double learningRate;

    public LossGuard(double learningRate) {
        this.learningRate = learningRate;
    }

    /**
     * @param epoch 1-based, as reported
     * @param step 1-based within the epoch
     */
    public void check(float loss, int epoch, int step) {
        if (Float.isFinite(loss) && loss <= EXPLODED_LOSS) {
            return;
        }
        String value = Float.isNaN(loss) ? "NaN" : Float.isInfinite(loss) ? "infinite" : format(loss);
        throw new TrainingDivergedException(String.format(java.util.Locale.ROOT,
                "Training diverged: the loss became %s at epoch %d, step %d with learning rate %s;"
                        + " lower the learning rate (e.g. --lr %s) and train again.",
                value, epoch, step, format(learningRate), format(learningRate / 10)));
    }

    /** Three significant digits, plain for everyday rates (0.09) and scientific for extreme ones (1E+38). */
    private static String format(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toString();
    }
}
