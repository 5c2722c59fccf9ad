package netc.runtime.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where one training run's outputs live inside its output directory. */
public record RunFiles(Path directory, Path metricsCsv, Path plotPng, Path checkpoint) {
    public static RunFiles in(Path directory) {
        return new RunFiles(directory, directory.resolve("metrics.csv"), directory.resolve("training.png"),
                directory.resolve("checkpoint.safetensors"));
    }

    /** Creates the directory (and its parents) if needed. */
    public RunFiles create() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the output directory " + directory + ": " + e.getMessage()
                    + "; choose another with --output-dir.", e);
        }
        return this;
    }
}
