package netc.runtime.io;

import java.nio.file.Path;
import netc.runtime.model.CompiledModel;
import netc.runtime.ops.Sgd;

/**
 * A training checkpoint as one safetensors file: every parameter, the optimizer's velocities, the
 * epoch reached, and the network's shape hash (a checkpoint of another network is refused). Written
 * atomically: a crash mid-write leaves the previous checkpoint intact.
 */
public final class Checkpoint {
    private Checkpoint() {}

    public static void save(Path file, CompiledModel model, Sgd optimizer, int epochsDone) {
        throw new UnsupportedOperationException("Checkpoint: pending (issue #4)");
    }

    /** Restores parameters and velocities; returns the number of epochs done. */
    public static int load(Path file, CompiledModel model, Sgd optimizer) {
        throw new UnsupportedOperationException("Checkpoint: pending (issue #4)");
    }
}
