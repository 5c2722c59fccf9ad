package netc.runtime.io;

import java.nio.file.Path;
import netc.runtime.model.CompiledModel;

/**
 * Loads and saves a model's parameters as safetensors: by the network's own names
 * ({@code conv1.weight}, ...) or, for a PyTorch {@code nn.Sequential} state_dict ({@code 0.weight},
 * {@code 3.weight}, ...), by the order of the layers that have parameters. Every missing, extra or
 * wrong-shaped tensor is listed in one error, and nothing is loaded unless everything fits.
 */
public final class WeightFiles {
    private WeightFiles() {}

    public static void load(Path file, CompiledModel model) {
        throw new UnsupportedOperationException("WeightFiles: pending (issue #3)");
    }

    public static void save(Path file, CompiledModel model) {
        throw new UnsupportedOperationException("WeightFiles: pending (issue #3)");
    }
}
