package netc.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netc.runtime.io.FileProblem;

/**
 * Where one training run's outputs live inside its output directory: the metrics, the plot, the checkpoint
 * of the last epoch (what {@code --resume} continues) and, with early stopping, the best epoch's checkpoint.
 */
public record RunFiles(Path directory, Path metricsCsv, Path plotPng, Path checkpoint, Path bestCheckpoint) {
    public static RunFiles in(Path directory) {
        return new RunFiles(directory, directory.resolve("metrics.csv"), directory.resolve("training.png"),
                directory.resolve("checkpoint.safetensors"), directory.resolve("best.safetensors"));
    }

    /** Creates the directory (and its parents) if needed. */
    public RunFiles create() {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            // createDirectories would say only "already exists", which reads as if nothing were wrong.
            throw new UncheckedIOException("Cannot use " + directory + " as the output directory: it is a file, not a"
                    + " directory; choose another --output-dir.", new NotDirectoryException(directory.toString()));
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the output directory " + directory + ": "
                    + FileProblem.reason(e) + "; choose another --output-dir.", e);
        }
        return this;
    }

    /**
     * What an earlier run left here, one entry per output ({@code metrics.csv (3 epochs)},
     * {@code checkpoint.safetensors}, {@code training.png}); empty when there is nothing to lose. A metrics
     * file with only its header holds no work (a refused or diverged run leaves one) and does not count.
     */
    public List<String> earlierOutputs() {
        List<String> found = new ArrayList<>();
        if (Files.exists(metricsCsv)) {
            int epochs = recordedEpochs();
            if (epochs != 0) {
                found.add(metricsCsv.getFileName() + (epochs < 0 ? "" : " (" + epochs + (epochs == 1 ? " epoch)" : " epochs)")));
            }
        }
        for (Path output : List.of(checkpoint, bestCheckpoint, plotPng)) {
            if (Files.exists(output)) {
                found.add(output.getFileName().toString());
            }
        }
        return found;
    }

    /** The rows of the metrics file, or -1 when it cannot be read: then it may hold work, and is kept. */
    private int recordedEpochs() {
        try {
            return new MetricsCsv(metricsCsv).read().size();
        } catch (RuntimeException unreadable) {
            return -1;
        }
    }

    /** Deletes an earlier run's checkpoints and plot (the metrics file is rewritten), so no output mixes two runs. */
    public void discardEarlierOutputs() {
        for (Path output : List.of(checkpoint, bestCheckpoint, plotPng)) {
            try {
                Files.deleteIfExists(output);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the earlier run's " + output + ": " + FileProblem.reason(e)
                        + "; delete it yourself or choose another --output-dir.", e);
            }
        }
    }
}
