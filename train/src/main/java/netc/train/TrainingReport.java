package netc.train;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of a training run: its history and where the outputs were written.
 *
 * @param history every epoch's metrics, and whether early stopping ended the run
 * @param metricsCsv one row per epoch
 * @param plotPng the training curves
 * @param checkpoint the last epoch's weights and optimizer state, which {@code --resume} continues
 * @param bestCheckpoint with early stopping, the checkpoint of the best epoch by its rule; null without it
 * @param bestEpoch the epoch {@code bestCheckpoint} holds (1-based); 0 without it
 */
public record TrainingReport(TrainingHistory history, Path metricsCsv, Path plotPng, Path checkpoint,
                             Path bestCheckpoint, int bestEpoch) {
    /** Every epoch's metrics, as {@code history().epochs()}. */
    public List<EpochMetrics> epochs() {
        return history.epochs();
    }

    public EpochMetrics last() {
        return history.last();
    }
}
