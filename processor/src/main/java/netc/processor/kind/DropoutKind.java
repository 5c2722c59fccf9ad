package netc.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Optional;
import netc.processor.codegen.Names;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.graph.Node;
import netc.processor.model.Shape;

/** {@code @Dropout}: inverted dropout, the identity in evaluation; runtime op {@code Dropout}, keyed per node and step. */
final class DropoutKind implements LayerKind {
    private static final ClassName OP = ClassName.get("netc.runtime.ops", "Dropout");

    @Override
    public String annotation() {
        return "netc.Dropout";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.real("value"));
    }

    @Override
    public boolean checkAttributes(Node node, Report report) {
        double p = p(node);
        // Written this way round so that NaN, which fails every comparison, is rejected too.
        if (!(p >= 0 && p < 1)) {
            report.error(Diagnostic.DROPOUT_RANGE, node.attributes().source("value"), node.path(), p);
            return false;
        }
        if (!((float) p < 1f)) {
            // The runtime computes in float32: judge the value it will see. Rounding can only reach 1 from
            // below; a tiny p that rounds to 0 keeps its meaning (almost never drop), and 0 is valid.
            report.error(Diagnostic.DROPOUT_ROUNDS_TO_ONE, node.attributes().source("value"), node.path(), p,
                    Math.nextDown(1f));
            return false;
        }
        return true;
    }

    @Override
    public String describe(Node node) {
        return "Dropout(" + p(node) + ")";
    }

    @Override
    public Optional<Shape> output(Node node, List<Incoming> inputs, Report report) {
        return Optional.of(inputs.get(0).shape());
    }

    @Override
    public ClassName opType() {
        return OP;
    }

    @Override
    public CodeBlock newOp(CodeSite site) {
        return CodeBlock.of("new $T($L, $L, $L, $Lf)", OP, Names.DEVICE, Names.BATCH_SIZE, site.input().size(),
                (float) p(site.node()));
    }

    /** The mask depends on the node's index, so each dropout layer draws its own. */
    /** Nothing: the mask is drawn again from its key in the backward, never stored. */
    @Override
    public Optional<CodeBlock> opMemory(CodeSite site) {
        return Optional.empty();
    }

    @Override
    public CodeBlock forward(CodeSite site) {
        return CodeBlock.builder().addStatement("$L.forward($L, $L, $L, $L($L))", site.op(), site.output(),
                site.inputs().get(0), Names.MODE, Names.DROPOUT_KEY, site.node().index()).build();
    }

    @Override
    public boolean mayWriteOverInput() {
        return true;
    }

    @Override
    public boolean scalesByFactorItsGradientShares(Node node) {
        return true;
    }

    /** Its backward reads only the output's gradient (the mask is replayed from its key). */
    @Override
    public BackwardReads backwardReads() {
        return BackwardReads.NOTHING;
    }

    @Override
    public CodeBlock backward(CodeSite site) {
        return CodeBlock.builder().addStatement("$L.backward($L, $L)", site.op(), site.dInputs().get(0),
                site.dOutput()).build();
    }

    private static double p(Node node) {
        return node.attributes().real("value");
    }
}
