package netc.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedLayer;

/** The generated model's Javadoc: what it is, its shape table, and how it plans device memory. */
final class ModelJavadoc {
    private ModelJavadoc() {}

    static CodeBlock of(NetworkPlan plan) {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("The {@code $L} network compiled by netc: its forward and backward passes on an OpenCL\n",
                        plan.spec().simpleName())
                .add("device, for one batch size.\n\n")
                .add("<pre>\n$L</pre>\n\n", SummaryTable.render(plan))
                .add("<p>Multiply-adds count {@code out·Ho·Wo·in·k·k} for a convolution and {@code in·out} for a\n")
                .add("dense layer; pooling and dropout count none.\n\n")
                .add("<p>Memory: every layer's output is kept, since the backward pass needs them all. A\n")
                .add("gradient flowing between layers lives only until the layer before has consumed it, so\n")
                .add("they alternate between two workspaces (ops accept tensors larger than they need)");
        if (plan.layers().size() > 1) {
            ShapedLayer largest = MemberWriter.largestGradient(plan);
            doc.add(",\neach as large as the largest gradient, $L's {@code $L}", largest.name(),
                    largest.output().batched());
        }
        return doc.add(".\n").build();
    }
}
