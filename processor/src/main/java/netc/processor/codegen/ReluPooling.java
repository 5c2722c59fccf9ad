package netc.processor.codegen;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedNode;

/**
 * The layers ending in a ReLU whose only reader is a max pool, and those pools: the pool's backward applies
 * the ReLU's derivative (a window's gradient goes to its arg-max only where its maximum is positive), so the
 * layer's backward needs no output and its output is dead as soon as it is pooled, which the
 * {@link MemoryPlan} uses: in AlexNet conv1's, conv2's and conv5's outputs, the largest tensors of the step.
 */
final class ReluPooling {
    private final Set<Integer> paired;

    private ReluPooling(Set<Integer> paired) {
        this.paired = paired;
    }

    static ReluPooling of(NetworkPlan plan) {
        Set<Integer> paired = new HashSet<>();
        for (ShapedNode layer : plan.nodes()) {
            if (!layer.node().kind().endsInRelu(layer.node()) || layer.index() == plan.last().index()) {
                continue;
            }
            List<ShapedNode> readers = plan.nodes().stream()
                    .filter(node -> node.node().inputs().contains(layer.index())).toList();
            if (readers.size() == 1 && readers.get(0).node().kind().appliesReluGradient()
                    && readers.get(0).node().inputs().size() == 1) {
                paired.add(layer.index());
                paired.add(readers.get(0).index());
            }
        }
        return new ReluPooling(paired);
    }

    /** Whether the node is one of a pair: the layer, or the pool that applies its ReLU's derivative. */
    boolean pairs(int node) {
        return paired.contains(node);
    }
}
