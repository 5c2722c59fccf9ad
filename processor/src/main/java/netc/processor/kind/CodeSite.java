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
 */
public record CodeSite(Node node, List<Shape> inputShapes, Shape outputShape, String op, List<String> inputs,
                       String output, List<String> dInputs, String dOutput, boolean reluAcrossPool) {

    public CodeSite {
        inputShapes = List.copyOf(inputShapes);
        inputs = List.copyOf(inputs);
        dInputs = List.copyOf(dInputs);
    }

    public Shape input() {
        return inputShapes.get(0);
    }
}
