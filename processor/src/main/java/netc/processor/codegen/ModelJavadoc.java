package netc.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedNode;

/** The generated model's Javadoc: what it is, its shape table, and how it plans device memory. */
final class ModelJavadoc {
    private ModelJavadoc() {}

    static CodeBlock of(NetworkPlan plan, GradientPlan gradients) {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("The {@code $L} network compiled by netc: its forward and backward passes on an OpenCL\n",
                        plan.spec().simpleName())
                .add("device, for one batch size.\n\n")
                .add("<pre>\n$L</pre>\n\n", SummaryTable.render(plan))
                .add("<p>Multiply-adds count {@code out·Ho·Wo·in·k·k} for a convolution and {@code in·out} for a\n")
                .add("dense layer; the other layers count none.\n\n")
                .add("<p>Memory: every layer's output is kept, since the backward pass needs them all. A\n")
                .add("gradient lives only from the step that writes it to the step that consumes it, so\n");
        if (plan.isChain()) {
            doc.add("they alternate between two workspaces (ops accept tensors larger than they need)");
        } else {
            doc.add("gradients share $L workspaces, assigned by these live ranges (ops accept tensors larger\n",
                    gradients.workspaces())
                    .add("than they need); where a tensor feeds several layers, its gradient is the sum of theirs");
        }
        if (gradients.workspaces() > 0) {
            ShapedNode largest = gradients.largest();
            doc.add(",\neach as large as the largest gradient, $L's {@code $L}", largest.path(),
                    largest.output().batched());
        }
        return doc.add(".\n").build();
    }
}
