package netc.train;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What {@code fit} returns besides its files: every epoch's metrics in order (a resumed run's earlier epochs
 * first), as Keras's {@code History}, and whether early stopping ended the run.
 *
 * @param epochs one entry per epoch, 1-based epoch numbers in order
 * @param stoppedEarly whether early stopping ended the run before its last epoch
 */
public record TrainingHistory(List<EpochMetrics> epochs, boolean stoppedEarly) {
    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    public EpochMetrics last() {
        requireEpochs();
        return epochs.get(epochs.size() - 1);
    }

    /** The epoch with the highest test accuracy (the first of equals). */
    public EpochMetrics best() {
        requireEpochs();
        EpochMetrics best = epochs.get(0);
        for (EpochMetrics epoch : epochs) {
            if (epoch.testAccuracy() > best.testAccuracy()) {
                best = epoch;
            }
        }
        return best;
    }

    public double[] losses() {
        return column(EpochMetrics::loss);
    }

    public double[] trainAccuracies() {
        return column(EpochMetrics::trainAccuracy);
    }

    public double[] testAccuracies() {
        return column(EpochMetrics::testAccuracy);
    }

    public double[] learningRates() {
        return column(EpochMetrics::learningRate);
    }

    private double[] column(ToDoubleFunction<EpochMetrics> value) {
        return epochs.stream().mapToDouble(value).toArray();
    }

    private void requireEpochs() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("The history holds no epochs: nothing was trained.");
        }
    }
}
