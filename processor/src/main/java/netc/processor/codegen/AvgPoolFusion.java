package netc.processor.codegen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netc.processor.kind.CodeSite;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedNode;

/**
 * The convolutions that compute the average pool reading their output in their own calls (LeNet's conv1 and
 * pool1, conv2 and pool2; see {@link netc.processor.kind.NodeKind#fusesAveragePool}), and those pools. The
 * convolution's forward writes the pool's output too, and its backward takes the pool's output gradient: the
 * pool's gradient tensor is the convolution's (as a pass-through hands its own on, {@link GradientPlan}), and
 * the pool's output is written at the convolution's step ({@link MemoryPlan}).
 */
final class AvgPoolFusion {
    /** Each fused convolution's pool, and each such pool's convolution. */
    private final Map<Integer, Integer> poolOf;
    private final Map<Integer, Integer> convOf;

    private AvgPoolFusion(Map<Integer, Integer> poolOf, Map<Integer, Integer> convOf) {
        this.poolOf = poolOf;
        this.convOf = convOf;
    }

    static AvgPoolFusion of(NetworkPlan plan) {
        Map<Integer, Integer> poolOf = new HashMap<>();
        Map<Integer, Integer> convOf = new HashMap<>();
        for (ShapedNode layer : plan.nodes()) {
            if (layer.index() == plan.last().index() || layer.inputs().size() != 1) {
                continue;
            }
            List<ShapedNode> readers = plan.nodes().stream()
                    .filter(node -> node.node().inputs().contains(layer.index())).toList();
            if (readers.size() == 1 && readers.get(0).node().inputs().size() == 1
                    && layer.node().kind().fusesAveragePool(layer.node(), layer.inputs().get(0), layer.output(),
                            readers.get(0).node())) {
                poolOf.put(layer.index(), readers.get(0).index());
                convOf.put(readers.get(0).index(), layer.index());
            }
        }
        return new AvgPoolFusion(poolOf, convOf);
    }

    /** Whether the node is a pool that the convolution before it computes. */
    boolean isFusedPool(int node) {
        return convOf.containsKey(node);
    }

    /** The step at which the node's output is written: its own, or for a fused pool its convolution's. */
    int writtenAt(int node) {
        return convOf.getOrDefault(node, node);
    }

    /** The pair as a code site carries it, for the convolution or its pool; null for any other node. */
    CodeSite.FusedPool site(NetworkPlan plan, int node, Identifiers names) {
        Integer conv = poolOf.containsKey(node) ? Integer.valueOf(node) : convOf.get(node);
        if (conv == null) {
            return null;
        }
        ShapedNode pool = plan.node(poolOf.get(conv));
        return new CodeSite.FusedPool(names.op(plan.node(conv)), pool.path(), names.output(pool.index()),
                pool.node().attributes().integer("kernel"));
    }
}
