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

/**
 * {@code @MaxPool} and {@code @AvgPool}: the same attributes, rules and shape rule, different ops.
 * A {@code stride} of 0 means "equal to the kernel".
 */
abstract class PoolKind implements LayerKind {
    private final String simpleName;
    private final ClassName op;

    PoolKind(String simpleName, String opName) {
        this.simpleName = simpleName;
        this.op = ClassName.get("netc.runtime.ops", opName);
    }

    static final class Max extends PoolKind {
        Max() {
            super("MaxPool", "MaxPool2d");
        }

        @Override
        public boolean appliesReluGradient() {
            return true;
        }

        /** Its arg-max record, one offset per output of the batch, whichever way it is constructed. */
        @Override
        public Optional<CodeBlock> opMemory(CodeSite site) {
            return Optional.of(CodeBlock.of("$T.deviceMemory($L * $LL, $L)", opType(), Names.BATCH_SIZE,
                    site.outputShape().size(), windowOf(site.node()).kernel()));
        }

        /** {@code MaxPool2d.afterRelu(...)} where it applies the ReLU's derivative of the layer before. */
        @Override
        public CodeBlock newOp(CodeSite site) {
            return site.reluAcrossPool() ? construct(site, CodeBlock.of("$T.afterRelu", opType())) : super.newOp(site);
        }
    }

    static final class Avg extends PoolKind {
        Avg() {
            super("AvgPool", "AvgPool2d");
        }

        /** It keeps nothing between calls (and has no op where the convolution before it computes it). */
        @Override
        public Optional<CodeBlock> opMemory(CodeSite site) {
            return Optional.empty();
        }

        /** Nothing where the convolution before it computes it: the comment keeps the step (and its probe). */
        @Override
        public CodeBlock forward(CodeSite site) {
            return site.fusedPool() == null ? super.forward(site)
                    : CodeBlock.of("// $L: written by $L's forward\n", site.output(), site.fusedPool().conv());
        }

        @Override
        public CodeBlock backward(CodeSite site) {
            return site.fusedPool() == null ? super.backward(site)
                    : CodeBlock.of("// $L's backward spreads $L over $L's windows\n", site.fusedPool().conv(),
                            site.dOutput(), site.fusedPool().pool());
        }
    }

    /** The pool's window with its effective stride (0 meaning the window's size). */
    static Window windowOf(Node node) {
        return window(node);
    }

    @Override
    public String annotation() {
        return "netc." + simpleName;
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.integer("kernel"), AttributeSpec.integer("stride"),
                AttributeSpec.integer("padding"));
    }

    @Override
    public boolean checkAttributes(Node node, Report report) {
        boolean ok = AttributeChecks.atLeastOne(node, simpleName, "kernel", report);
        int stride = node.attributes().integer("stride");
        if (stride < 0) {
            report.error(Diagnostic.NEGATIVE_POOL_STRIDE, node.attributes().source("stride"), node.path(), simpleName,
                    stride);
            ok = false;
        }
        ok &= AttributeChecks.notNegativePadding(node, simpleName, report);
        int kernel = node.attributes().integer("kernel");
        int padding = node.attributes().integer("padding");
        if (kernel >= 1 && padding > kernel / 2) {
            report.error(Diagnostic.POOL_PADDING_TOO_LARGE, node.attributes().source("padding"), node.path(),
                    simpleName, padding, kernel, kernel / 2, kernel / 2);
            ok = false;
        }
        return ok;
    }

    @Override
    public String describe(Node node) {
        Window window = window(node);
        return simpleName + "(k" + window.kernel() + ", s" + window.stride() + ", p" + window.padding() + ")";
    }

    @Override
    public Optional<Shape> output(Node node, List<Incoming> inputs, Report report) {
        Incoming input = inputs.get(0);
        return window(node).apply(node, simpleName, input, report)
                .map(size -> Shape.image(input.shape().channels(), size[0], size[1]));
    }

    @Override
    public Optional<String> explainSize(Node node, Shape input) {
        return Optional.of(window(node).explain(input));
    }

    @Override
    public Optional<String> resizingAttribute(Node node) {
        return Optional.of(window(node).resizingAttribute());
    }

    @Override
    public ClassName opType() {
        return op;
    }

    @Override
    public CodeBlock newOp(CodeSite site) {
        return construct(site, CodeBlock.of("new $T", op));
    }

    /** {@code <creator>(device, batchSize, channels, height, width, kernel, stride, padding)}. */
    CodeBlock construct(CodeSite site, CodeBlock creator) {
        Shape in = site.input();
        Window window = window(site.node());
        return CodeBlock.of("$L($L, $L, $L, $L, $L, $L, $L, $L)", creator, Names.DEVICE, Names.BATCH_SIZE,
                in.channels(), in.height(), in.width(), window.kernel(), window.stride(), window.padding());
    }

    @Override
    public CodeBlock forward(CodeSite site) {
        return CodeBlock.builder().addStatement("$L.forward($L, $L)", site.op(), site.output(), site.inputs().get(0))
                .build();
    }

    /** Its backward reads only the output's gradient (max pooling kept where each maximum came from). */
    @Override
    public BackwardReads backwardReads() {
        return BackwardReads.NOTHING;
    }

    @Override
    public CodeBlock backward(CodeSite site) {
        return CodeBlock.builder().addStatement("$L.backward($L, $L)", site.op(), site.dInputs().get(0),
                site.dOutput()).build();
    }

    /** The window with its effective stride. */
    private static Window window(Node node) {
        int kernel = node.attributes().integer("kernel");
        int stride = node.attributes().integer("stride");
        return new Window(kernel, stride == 0 ? kernel : stride, node.attributes().integer("padding"));
    }
}
