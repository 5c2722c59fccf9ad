package netc.train;

import java.nio.file.Path;
import java.util.List;

/** The result of a training run: every epoch's metrics and where the outputs were written. */
public record TrainingReport(List<EpochMetrics> epochs, Path metricsCsv, Path plotPng, Path checkpoint) {
    public EpochMetrics last() {
        return epochs.get(epochs.size() - 1);
    }
}
