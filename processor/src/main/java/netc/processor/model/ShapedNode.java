package netc.processor.model;

import java.util.List;
import netc.processor.graph.Node;
import netc.processor.kind.TensorSpec;

/**
 * A node with the shapes the checker worked out for it and what it owns and costs.
 *
 * @param inputs its inputs' shapes, in input order
 * @param parameters trainable tensors, PyTorch's names and shapes
 * @param buffers non-trainable state
 * @param multiplyAdds multiply-adds for one example's forward pass
 * @param torchPath its place in PyTorch's module tree; empty for a join, which owns no tensors
 */
public record ShapedNode(Node node, List<Shape> inputs, Shape output, List<TensorSpec> parameters,
                         List<TensorSpec> buffers, long multiplyAdds, List<TorchStep> torchPath) {

    public ShapedNode {
        inputs = List.copyOf(inputs);
        parameters = List.copyOf(parameters);
        buffers = List.copyOf(buffers);
        torchPath = List.copyOf(torchPath);
    }

    public String path() {
        return node.path();
    }

    public int index() {
        return node.index();
    }

    /** Trainable values, saturating. */
    public long parameterCount() {
        return parameters.stream().mapToLong(TensorSpec::size).reduce(0, Sizes::plus);
    }
}
