package netc.processor.kind;

import java.util.List;
import netc.processor.model.Sizes;

/**
 * A tensor a node owns, by PyTorch's name and shape: {@code weight [96, 1, 11, 11]}, a BatchNorm's
 * {@code running_mean [96]} or its {@code num_batches_tracked []}.
 *
 * @param suffix the name after the node's path, {@code weight}
 * @param shape PyTorch's shape (empty for a scalar)
 */
public record TensorSpec(String suffix, List<Long> shape) {

    public TensorSpec {
        shape = List.copyOf(shape);
    }

    public static TensorSpec of(String suffix, Long... shape) {
        return new TensorSpec(suffix, List.of(shape));
    }

    /** Values it holds, saturating. */
    public long size() {
        return shape.stream().reduce(1L, Sizes::times);
    }
}
