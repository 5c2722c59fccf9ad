package netc.processor.kind;

import java.util.List;
import netc.processor.graph.Node;
import netc.processor.model.Shape;

/**
 * One node as the generated code sees it: the identifiers of its op and tensors, so that its kind can
 * write the calls. {@code dInputs} holds, per input, the tensor its gradient goes to, or {@code null}
 * (the literal) where no gradient is needed.
 *
 * @param op the field holding the node's runtime op
 * @param inputs the fields of its input tensors, in input order
 * @param output the field of its output tensor
 * @param dInputs the gradients it writes for its inputs (Java expressions)
 * @param dOutput the gradient of its output that it reads
 * @param reluAcrossPool for a layer ending in a ReLU, that the max pool after it applies the ReLU's
 *     derivative (so its backward takes no output); for that max pool, that it does
 * @param fusedPool for a convolution and the average pool it computes in its own calls, and for that pool:
 *     the pair; null for any other node
 * @param fusedActivation for a batch norm and the activation layer it applies in its own calls, and for
 *     that activation: the pair; null for any other node
 */
public record CodeSite(Node node, List<Shape> inputShapes, Shape outputShape, String op, List<String> inputs,
                       String output, List<String> dInputs, String dOutput, boolean reluAcrossPool,
                       FusedPool fusedPool, FusedActivation fusedActivation) {

    /**
     * A batch norm that applies the activation layer after it, and takes the activated output's gradient.
     *
     * @param norm the batch norm's op field
     * @param activation the activation layer's path, for comments
     * @param function the activation's {@code netc.Activation} constant
     */
    public record FusedActivation(String norm, String activation, String function) {}

    /**
     * A convolution that writes the average pool of its output too, and takes the pooled output's gradient.
     *
     * @param conv the convolution's op field
     * @param pool the pool's path, for comments
     * @param pooled the pool's output field
     * @param window the pool's window, also its stride
     */
    public record FusedPool(String conv, String pool, String pooled, int window) {}

    public CodeSite {
        inputShapes = List.copyOf(inputShapes);
        inputs = List.copyOf(inputs);
        dInputs = List.copyOf(dInputs);
    }

    public Shape input() {
        return inputShapes.get(0);
    }
}
