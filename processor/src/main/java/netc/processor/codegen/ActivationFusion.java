package netc.processor.codegen;

import netc.processor.kind.CodeSite;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedNode;

/**
 * The batch norms that apply the activation layer after them in their own calls (ResNet's and DenseNet's
 * ReLU after each batch norm, the BatchNorm LeNet's sigmoids; see
 * {@link netc.processor.kind.NodeKind#fusesFollowingActivation}), and those activations. A pair qualifies
 * where the activation writes its output over the batch norm's ({@link InPlace}): it is the batch norm's
 * only reader. The batch norm's forward then writes the activated output into that one tensor and its
 * backward takes the activated output's gradient and the output itself, for the derivative; the activation
 * emits no call, hands the batch norm its own gradient tensor (as it does in place), and keeps its probes.
 * The batch norm's backward reads its output as well as its input, which the {@link MemoryPlan} keeps live.
 */
final class ActivationFusion {
    private final LayerPairs pairs;

    private ActivationFusion(LayerPairs pairs) {
        this.pairs = pairs;
    }

    /** The pairs of a network whose in-place layers {@code inPlace} says. */
    static ActivationFusion of(NetworkPlan plan, InPlace inPlace) {
        LayerPairs pairs = new LayerPairs();
        for (ShapedNode activation : plan.nodes()) {
            if (activation.node().kind().standaloneActivation() == null || !inPlace.writesOverInput(activation.index())) {
                continue;
            }
            int norm = activation.node().inputs().get(0);
            if (plan.node(norm).node().kind().fusesFollowingActivation()) {
                pairs.pair(norm, activation.index());
            }
        }
        return new ActivationFusion(pairs);
    }

    /** Whether the node is a batch norm that applies the activation after it. */
    boolean isFusingNorm(int node) {
        return pairs.absorbs(node);
    }

    /** Whether the node is an activation its batch norm applies. */
    boolean isFusedActivation(int node) {
        return pairs.isAbsorbed(node);
    }

    /** The pair as a code site carries it, for the batch norm or its activation; null for any other node. */
    CodeSite.FusedActivation site(NetworkPlan plan, int node, Identifiers names) {
        Integer norm = pairs.pairOf(node);
        if (norm == null) {
            return null;
        }
        ShapedNode activation = plan.node(pairs.absorbedBy(norm));
        return new CodeSite.FusedActivation(names.op(plan.node(norm)), activation.path(),
                activation.node().kind().standaloneActivation().name());
    }
}
