package netc.processor.codegen;

import java.util.List;
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
    private final LayerPairs pairs;

    private AvgPoolFusion(LayerPairs pairs) {
        this.pairs = pairs;
    }

    static AvgPoolFusion of(NetworkPlan plan) {
        LayerPairs pairs = new LayerPairs();
        for (ShapedNode layer : plan.nodes()) {
            if (layer.index() == plan.last().index() || layer.inputs().size() != 1) {
                continue;
            }
            List<ShapedNode> readers = plan.nodes().stream()
                    .filter(node -> node.node().inputs().contains(layer.index())).toList();
            if (readers.size() == 1 && readers.get(0).node().inputs().size() == 1
                    && layer.node().kind().fusesAveragePool(layer.node(), layer.inputs().get(0), layer.output(),
                            readers.get(0).node())) {
                pairs.pair(layer.index(), readers.get(0).index());
            }
        }
        return new AvgPoolFusion(pairs);
    }

    /** Whether the node is a pool that the convolution before it computes. */
    boolean isFusedPool(int node) {
        return pairs.isAbsorbed(node);
    }

    /** The step at which the node's output is written: its own, or for a fused pool its convolution's. */
    int writtenAt(int node) {
        return pairs.absorberOrSelf(node);
    }

    /** The pair as a code site carries it, for the convolution or its pool; null for any other node. */
    CodeSite.FusedPool site(NetworkPlan plan, int node, Identifiers names) {
        Integer conv = pairs.pairOf(node);
        if (conv == null) {
            return null;
        }
        ShapedNode pool = plan.node(pairs.absorbedBy(conv));
        return new CodeSite.FusedPool(names.op(plan.node(conv)), pool.path(), names.output(pool.index()),
                pool.node().attributes().integer("kernel"));
    }
}
