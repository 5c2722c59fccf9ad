package netc.processor.codegen;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import netc.processor.graph.Node;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedNode;

/**
 * The activation and dropout layers that write their output over their input, as PyTorch's
 * {@code inplace=True} modules do: the generated code gives such a layer its input's tensor as output, so
 * the two share one place in the {@link MemoryPlan}. That is legal when nothing reads the input after the
 * layer has run: the layer is the input's only reader, its own backward reads no input
 * ({@link netc.processor.kind.NodeKind#mayWriteOverInput}), and the input's producer reads no output in its
 * backward (a batch norm reads its input) or reads only each value's sign (a dense or convolution ending in a
 * ReLU: {@link netc.processor.kind.NodeKind#derivativeReadsOnlySign}) while the layer multiplies each value
 * by a factor of at least 0 that its backward applies to the gradient too (an inverted dropout, a ReLU): where
 * the factor is positive the sign is kept, and where it is 0 so is the gradient the producer sees. The
 * network's input (the caller's) and the logits are never overwritten.
 */
final class InPlace {
    private final Set<Integer> overInput;

    private InPlace(Set<Integer> overInput) {
        this.overInput = overInput;
    }

    static InPlace of(NetworkPlan plan) {
        Set<Integer> overInput = new HashSet<>();
        for (ShapedNode layer : plan.nodes()) {
            if (layer.index() == plan.last().index() || layer.node().inputs().size() != 1
                    || !layer.node().kind().mayWriteOverInput()) {
                continue;
            }
            int input = layer.node().inputs().get(0);
            if (input == Node.INPUT || input == plan.last().index()) {
                continue;
            }
            ShapedNode producer = plan.node(input);
            List<ShapedNode> readers = plan.nodes().stream()
                    .filter(node -> node.node().inputs().contains(input)).toList();
            boolean signsSuffice = layer.node().kind().scalesByFactorItsGradientShares(layer.node())
                    && producer.node().kind().derivativeReadsOnlySign(producer.node());
            if (readers.size() == 1 && !producer.node().kind().outputIsInput()
                    && (!producer.node().kind().backwardReads().output() || signsSuffice)) {
                overInput.add(layer.index());
            }
        }
        return new InPlace(overInput);
    }

    /** Whether the node's output is its input's tensor, overwritten. */
    boolean writesOverInput(int node) {
        return overInput.contains(node);
    }
}
