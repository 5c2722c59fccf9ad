package netc.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Optional;
import netc.processor.diag.Report;
import netc.processor.graph.Node;
import netc.processor.model.Shape;

/**
 * {@code @Flatten}: {@code C×H×W → C·H·W} values. The values do not move (NCHW is already that order),
 * so the output is the input tensor itself and its gradient passes straight through: no op, no call.
 */
final class FlattenKind implements LayerKind {

    @Override
    public String annotation() {
        return "netc.Flatten";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of();
    }

    @Override
    public boolean checkAttributes(Node node, Report report) {
        return true;
    }

    @Override
    public String describe(Node node) {
        return "Flatten";
    }

    @Override
    public Optional<Shape> output(Node node, List<Incoming> inputs, Report report) {
        return Optional.of(Shape.features(inputs.get(0).shape().size()));
    }

    @Override
    public ClassName opType() {
        return null;
    }

    @Override
    public CodeBlock newOp(CodeSite site) {
        throw new UnsupportedOperationException("a flatten has no op");
    }

    /** No op: the output is the input, read as features. */
    @Override
    public Optional<CodeBlock> opMemory(CodeSite site) {
        return Optional.empty();
    }

    @Override
    public CodeBlock forward(CodeSite site) {
        return CodeBlock.of("");
    }

    /** Its backward reads only the output's gradient. */
    @Override
    public BackwardReads backwardReads() {
        return BackwardReads.NOTHING;
    }

    @Override
    public CodeBlock backward(CodeSite site) {
        return CodeBlock.of("");
    }

    @Override
    public boolean outputIsInput() {
        return true;
    }

    @Override
    public boolean passesGradient() {
        return true;
    }
}
