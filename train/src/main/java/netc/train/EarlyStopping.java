package netc.train;

import java.util.List;

/**
 * Stops training when the test accuracy has not improved for {@code patience} epochs, as Keras's
 * {@code EarlyStopping(monitor="val_accuracy", patience, min_delta)}: an epoch improves when its test
 * accuracy beats the best so far by more than {@code minDelta}. The trainer writes the best epoch's
 * checkpoint to {@code best.safetensors} each time one improves, and leaves {@code checkpoint.safetensors}
 * at the last epoch trained, which {@code --resume} continues; the report names both.
 *
 * <p>Whether to stop is worked out from the test accuracies of the history alone, so a resumed run decides
 * as the uninterrupted one would have.
 *
 * @param patience epochs without improvement before stopping, 1 or more
 * @param minDelta the smallest gain that counts as an improvement, 0 or more (an accuracy, e.g. 0.001)
 */
public record EarlyStopping(int patience, double minDelta) {
    public EarlyStopping {
        if (patience < 1) {
            throw new IllegalArgumentException("Early stopping's patience must be 1 or more epochs, got " + patience
                    + "; it is how many epochs without a better test accuracy to allow.");
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("Early stopping's minimum improvement must be a finite number >= 0, got "
                    + minDelta + "; it is an accuracy, e.g. 0.001.");
        }
    }

    /** Stops after {@code patience} epochs without a better test accuracy (any gain counts). */
    public static EarlyStopping patience(int patience) {
        return new EarlyStopping(patience, 0);
    }

    /** A copy in which only gains above {@code minDelta} count as improvements. */
    public EarlyStopping minDelta(double minDelta) {
        return new EarlyStopping(patience, minDelta);
    }

    /** Whether {@code epoch} improves on {@code best}, the best test accuracy before it (NaN: none yet). */
    boolean improves(double testAccuracy, double best) {
        return Double.isNaN(best) || testAccuracy > best + minDelta;
    }

    /** The 0-based index of the best epoch of {@code epochs} by this rule (the first to reach it); -1 if none. */
    int bestIndex(List<EpochMetrics> epochs) {
        int best = -1;
        for (int i = 0; i < epochs.size(); i++) {
            if (improves(epochs.get(i).testAccuracy(), best < 0 ? Double.NaN : epochs.get(best).testAccuracy())) {
                best = i;
            }
        }
        return best;
    }

    /** Whether training stops after the last of {@code epochs}: the best is {@code patience} or more epochs back. */
    boolean shouldStop(List<EpochMetrics> epochs) {
        int best = bestIndex(epochs);
        return best >= 0 && epochs.size() - 1 - best >= patience;
    }
}
