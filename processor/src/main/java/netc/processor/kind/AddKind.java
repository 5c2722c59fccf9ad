package netc.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Optional;
import netc.processor.codegen.Names;
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
     * Equal shapes, or an error on the value that made them differ: the attribute (or use argument) that set
     * the differing channel count, or that changed height and width, on the shortcut when it has layers and
     * on the body when it is the identity; on the use itself when no attribute did.
     */
    @Override
    public Optional<Shape> output(Node node, List<Incoming> inputs, Report report) {
        Incoming body = inputs.get(0);
        Incoming shortcut = inputs.get(1);
        if (body.shape().equals(shortcut.shape())) {
            return Optional.of(body.shape());
        }
        BlockInstance block = node.instance();
        boolean identity = node.inputs().get(1) == block.input();
        boolean channels = body.shape().channels() != shortcut.shape().channels();
        Incoming blamed = identity ? body : shortcut;
        Incoming.Cause cause = channels ? blamed.channels() : blamed.resized() != null ? blamed.resized()
                : body.resized();
        Source at = cause == null ? node.source().at("args") : cause.at();
        String name = cause == null ? block.path() : cause.node();
        String explained = cause == null || channels ? "" : cause.explained();
        if (identity) {
            report.error(Diagnostic.SHORTCUT_MISMATCH, at, name, block.name(), body.shape().product(), explained,
                    shortcut.shape().product(), block.name());
        } else {
            report.error(Diagnostic.ADD_SHAPES, at, name, block.name(), body.shape().product(),
                    shortcut.shape().product(), explained, body.shape().product());
        }
        return Optional.empty();
    }

    @Override
    public ClassName opType() {
        return OP;
    }

    @Override
    public CodeBlock newOp(CodeSite site) {
        return CodeBlock.of("new $T($L, $L, $L)", OP, Names.DEVICE, Names.BATCH_SIZE,
                site.outputShape().size());
    }

    /** It adds the tensors it is given and keeps nothing. */
    @Override
    public Optional<CodeBlock> opMemory(CodeSite site) {
        return Optional.empty();
    }

    @Override
    public CodeBlock forward(CodeSite site) {
        return CodeBlock.builder().addStatement("$L.forward($L, $L, $L)", site.op(), site.output(),
                site.inputs().get(0), site.inputs().get(1)).build();
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
    public boolean passesGradient() {
        return true;
    }
}
