package netc.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Optional;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.graph.BlockInstance;
import netc.processor.graph.Node;
import netc.processor.model.Shape;
import netc.processor.model.Source;

/**
 * The join of an {@code ADD} block: {@code body(x) + shortcut(x)}, input 0 the body, input 1 the
 * shortcut (the block's input itself for an identity shortcut). Its gradient passes to both unchanged.
 */
final class AddKind implements NodeKind {
    private static final ClassName OP = ClassName.get("netc.runtime.ops", "Add");

    @Override
    public String describe(Node node) {
        return "Add";
    }

    /**
     * Equal shapes, or an error: on the use's {@code args} when the identity shortcut cannot follow the
     * body (the block is fine, that use is not), else on what made the shortcut differ.
     */
    @Override
    public Optional<Shape> output(Node node, List<Incoming> inputs, Report report) {
        Incoming body = inputs.get(0);
        Incoming shortcut = inputs.get(1);
        if (body.shape().equals(shortcut.shape())) {
            return Optional.of(body.shape());
        }
        BlockInstance block = node.instance();
        if (node.inputs().get(1) == block.input()) {
            report.error(Diagnostic.SHORTCUT_MISMATCH, block.use().at("args"), block.path(), block.name(),
                    body.shape().product(), shortcut.shape().product(), block.name());
        } else {
            boolean channels = body.shape().channels() != shortcut.shape().channels();
            Incoming.Cause cause = shortcut.resized() != null ? shortcut.resized() : body.resized();
            Source at = channels ? shortcut.channelsAt() : cause == null ? null : cause.at();
            report.error(Diagnostic.ADD_SHAPES, at == null ? block.use() : at, block.path(), block.name(),
                    body.shape().product(), shortcut.shape().product(),
                    channels || cause == null ? "" : cause.explained(), body.shape().product());
        }
        return Optional.empty();
    }

    @Override
    public ClassName opType() {
        return OP;
    }

    @Override
    public CodeBlock newOp(CodeSite site) {
        return CodeBlock.of("new $T(device, batchSize, $L)", OP, site.outputShape().size());
    }

    @Override
    public CodeBlock forward(CodeSite site) {
        return CodeBlock.builder().addStatement("$L.forward($L, $L, $L)", site.op(), site.output(),
                site.inputs().get(0), site.inputs().get(1)).build();
    }

    @Override
    public CodeBlock backward(CodeSite site) {
        return CodeBlock.of("");
    }

    @Override
    public boolean passesGradient() {
        return true;
    }
}
