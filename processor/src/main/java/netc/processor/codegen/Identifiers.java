package netc.processor.codegen;

import java.util.Map;
import netc.processor.check.NameTable;
import netc.processor.graph.Node;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedNode;

/**
 * The generated model's identifiers, from the {@link NameTable}: a node's op is named as the node
 * ({@code conv1}, {@code b3_first_conv1}), its output {@code conv1Out}, that output's gradient
 * {@code dconv1Out}. A node whose output is its input tensor (a flatten) has no fields of its own.
 */
final class Identifiers {
    static final String INPUT = "input";
    static final String D_LOGITS = "dLogits";
    /** The {@code TensorArithmetic} that copies and adds gradients where tensors feed several nodes. */
    static final String ARITHMETIC = "arithmetic";

    private final NetworkPlan plan;
    private final Map<Integer, String> names;

    Identifiers(NetworkPlan plan) {
        this.plan = plan;
        this.names = NameTable.identifiers(plan);
    }

    String op(ShapedNode node) {
        return names.get(node.index());
    }

    /** The field holding the node's output, which is its input's for a flatten. */
    String output(int index) {
        if (index == Node.INPUT) {
            return INPUT;
        }
        ShapedNode node = plan.node(index);
        return node.node().kind().outputIsInput() ? output(node.node().inputs().get(0)) : op(node) + "Out";
    }

    /** The local variable holding the gradient of the node's output; {@code dLogits} for the last node's. */
    String gradient(int index) {
        return index == plan.last().index() ? D_LOGITS : "d" + names.get(index) + "Out";
    }

    /** The workspace fields: {@code gradientA}, {@code gradientB}, ... */
    static String workspace(int number) {
        return number < 26 ? "gradient" + (char) ('A' + number) : "gradientZ" + (number - 25);
    }
}
