package netc.train;

import java.nio.file.Files;
import java.util.List;

/**
 * Whether a run may use its output directory, decided before any device work: a resumed run needs the
 * earlier checkpoint, and a new one must not silently wipe the metrics and replace the checkpoint of an
 * earlier run, which may have taken hours, unless asked to overwrite it.
 */
final class OutputDirectoryCheck {
    private OutputDirectoryCheck() {}

    static void check(RunFiles files, TrainingOptions options) {
        if (options.resume()) {
            if (!Files.exists(files.checkpoint())) {
                throw new IllegalArgumentException("There is no checkpoint to resume from at " + files.checkpoint()
                        + "; train without --resume to start afresh, or point --output-dir at the earlier run.");
            }
            return;
        }
        List<String> earlier = files.earlierOutputs();
        if (!options.overwrite() && !earlier.isEmpty()) {
            throw new IllegalArgumentException("The output directory " + files.directory() + " already holds an"
                    + " earlier run (" + String.join(", ", earlier) + "); pass --resume to continue it or --overwrite"
                    + " to replace it, or choose another --output-dir.");
        }
    }
}
