package netc.runtime.ops;

import netc.runtime.cl.Tensor;

/**
 * The capacity checks {@link Conv2d} and {@link Dense} make on the tensors they are handed (which may be
 * larger shared workspaces); the smaller ops check through {@link WorkItems#requireCapacity}.
 */
final class TensorChecks {
    private TensorChecks() {}

    static void requireCapacity(Tensor tensor, long needed, String layer, String role) {
        if (tensor == null) {
            throw new IllegalArgumentException(layer + ": the " + role + " tensor is null; pass a tensor of at least "
                    + needed + " floats.");
        }
        if (tensor.size() < needed) {
            throw new IllegalArgumentException(layer + ": the " + role + " tensor " + tensor + " holds " + tensor.size()
                    + " floats but needs at least " + needed + "; allocate it from this layer's shapes.");
        }
    }
}
