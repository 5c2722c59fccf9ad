package netc.runtime.model;

import java.util.List;

/**
 * A tensor the compiler knows a network owns: a parameter or a buffer.
 *
 * @param name netc's name, the layer's path and PyTorch's suffix: {@code b3.first.bn1.running_mean}
 * @param layer the owning row of {@link NetworkInfo#layers()}, whose {@link LayerRow#torchPath()} gives
 *     PyTorch's name for it (see {@link NetworkInfo#matchesTorchName})
 * @param suffix PyTorch's name within the module, {@code weight}, {@code running_mean}
 * @param shape PyTorch's shape; empty for a scalar ({@code num_batches_tracked})
 */
public record TensorInfo(String name, int layer, String suffix, List<Integer> shape) {

    public TensorInfo {
        shape = List.copyOf(shape);
    }

    /** The number of values. */
    public long size() {
        return shape.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
    }
}
