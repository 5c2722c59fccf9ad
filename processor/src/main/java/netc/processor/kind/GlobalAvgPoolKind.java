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

/** {@code @GlobalAvgPool}: PyTorch's {@code AdaptiveAvgPool2d(1)}, {@code C×H×W → C×1×1}; runtime op {@code GlobalAvgPool}. */
final class GlobalAvgPoolKind implements LayerKind {
    private static final ClassName OP = ClassName.get("netc.runtime.ops", "GlobalAvgPool");

    @Override
    public String annotation() {
        return "netc.GlobalAvgPool";
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
        return "GlobalAvgPool";
    }

    @Override
    public Optional<Shape> output(Node node, List<Incoming> inputs, Report report) {
        Incoming input = inputs.get(0);
        if (input.shape().flat()) {
            report.error(Diagnostic.SPATIAL_AFTER_DENSE, node.source(), node.path(), simpleName(), input.flattenedBy(),
                    input.shape().size(), node.path());
            return Optional.empty();
        }
        return Optional.of(Shape.image(input.shape().channels(), 1, 1));
    }

    @Override
    public Optional<String> explainSize(Node node, Shape input) {
        return Optional.of("the mean over " + input.height() + "×" + input.width());
    }

    @Override
    public ClassName opType() {
        return OP;
    }

    @Override
    public CodeBlock newOp(CodeSite site) {
        Shape in = site.input();
        return CodeBlock.of("new $T($L, $L, $L, $L, $L)", OP, Names.DEVICE, Names.BATCH_SIZE, in.channels(),
                in.height(), in.width());
    }

    /** It averages into the tensor it is given and keeps nothing. */
    @Override
    public Optional<CodeBlock> opMemory(CodeSite site) {
        return Optional.empty();
    }

    @Override
    public CodeBlock forward(CodeSite site) {
        return CodeBlock.builder().addStatement("$L.forward($L, $L)", site.op(), site.output(), site.inputs().get(0))
                .build();
    }

    /** Its backward reads only the output's gradient. */
    @Override
    public BackwardReads backwardReads() {
        return BackwardReads.NOTHING;
    }

    @Override
    public CodeBlock backward(CodeSite site) {
        return CodeBlock.builder().addStatement("$L.backward($L, $L)", site.op(), site.dInputs().get(0),
                site.dOutput()).build();
    }
}
