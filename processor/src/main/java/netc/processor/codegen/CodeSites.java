package netc.processor.codegen;

import java.util.List;
import netc.processor.kind.CodeSite;
import netc.processor.model.ShapedNode;

/** Builds the {@link CodeSite} a kind writes its calls from: a node's identifiers and shapes. */
final class CodeSites {
    private CodeSites() {}

    /** For construction and the forward pass: no gradients. */
    static CodeSite of(ShapedNode node, Identifiers names) {
        return of(node, names, List.of(), null);
    }

    static CodeSite of(ShapedNode node, Identifiers names, List<String> dInputs, String dOutput) {
        List<String> inputs = node.node().inputs().stream().map(names::output).toList();
        return new CodeSite(node.node(), node.inputs(), node.output(), names.op(node), inputs,
                names.output(node.index()), dInputs, dOutput, names.reluPooling().pairs(node.index()),
                names.avgPoolFusion().site(names.plan(), node.index(), names),
                names.activationFusion().site(names.plan(), node.index(), names));
    }
}
