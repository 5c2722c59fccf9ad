package netc.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Optional;
import netc.processor.codegen.Names;
import netc.processor.diag.Report;
import netc.processor.graph.Node;
import netc.processor.model.Shape;
import netc.processor.model.Sizes;

/**
 * {@code @Conv}: PyTorch's {@code Conv2d} with a square kernel and a fused activation; runtime op
 * {@code Conv2d} (im2col + GEMM), or {@code DirectConv2d} for the small stride-1 layers
 * {@link DirectConvolution} picks, or {@code StridedConv2d} for the strided ones with few input channels and
 * large kernels {@link StridedConvolution} picks, or {@code WinogradConv2d} for the wide 3x3 stride-1 layers
 * {@link WinogradConvolution} picks: chosen here, from the shapes, so the generated code names the op.
 */
final class ConvKind implements LayerKind {
    private static final ClassName OP = ClassName.get("netc.runtime.ops", "Conv2d");
    private static final ClassName DIRECT = ClassName.get("netc.runtime.ops", "DirectConv2d");
    private static final ClassName WINOGRAD = ClassName.get("netc.runtime.ops", "WinogradConv2d");
    private static final ClassName STRIDED = ClassName.get("netc.runtime.ops", "StridedConv2d");

    @Override
    public String annotation() {
        return "netc.Conv";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.integer("out"), AttributeSpec.integer("kernel"), AttributeSpec.integer("stride"),
                AttributeSpec.integer("padding"), AttributeSpec.constant("activation"));
    }

    @Override
    public boolean checkAttributes(Node node, Report report) {
        boolean ok = AttributeChecks.atLeastOne(node, "Conv", "out", report);
        ok &= AttributeChecks.atLeastOne(node, "Conv", "kernel", report);
        ok &= AttributeChecks.atLeastOne(node, "Conv", "stride", report);
        return ok & AttributeChecks.notNegativePadding(node, "Conv", report);
    }

    @Override
    public String describe(Node node) {
        return "Conv(" + out(node) + ", k" + node.attributes().integer("kernel") + ", s"
                + node.attributes().integer("stride") + ", p" + node.attributes().integer("padding")
                + Activations.suffix(node) + ")";
    }

    @Override
    public Optional<Shape> output(Node node, List<Incoming> inputs, Report report) {
        return window(node).apply(node, "Conv", inputs.get(0), report)
                .map(size -> Shape.image(out(node), size[0], size[1]));
    }

    @Override
    public Optional<String> explainSize(Node node, Shape input) {
        return Optional.of(window(node).explain(input));
    }

    @Override
    public Optional<String> resizingAttribute(Node node) {
        return Optional.of(window(node).resizingAttribute());
    }

    /** {@code weight [out, in, k, k]}, {@code bias [out]}. */
    @Override
    public List<TensorSpec> parameters(Node node, Shape input) {
        long kernel = node.attributes().integer("kernel");
        return List.of(TensorSpec.of("weight", (long) out(node), input.channels(), kernel, kernel),
                TensorSpec.of("bias", (long) out(node)));
    }

    /** {@code out·Ho·Wo · in·k·k}. */
    @Override
    public long multiplyAdds(Node node, Shape input, Shape output) {
        long kernel = node.attributes().integer("kernel");
        return Sizes.times(output.size(), Sizes.times(input.channels(), Sizes.times(kernel, kernel)));
    }

    @Override
    public TorchSlots torchSlots(Node node, Shape input) {
        return new TorchSlots(0, Activations.fused(node) ? 2 : 1);
    }

    @Override
    public ClassName opType() {
        return OP;
    }

    @Override
    public ClassName opType(CodeSite site) {
        Shape in = site.input();
        Node node = site.node();
        long kernel = node.attributes().integer("kernel");
        long stride = node.attributes().integer("stride");
        if (DirectConvolution.suits(in.channels(), in.width(), out(node), kernel, stride,
                node.attributes().integer("padding"))) {
            return DIRECT;
        }
        if (StridedConvolution.suits(in.channels(), kernel, stride, node.attributes().integer("padding"))) {
            return STRIDED;
        }
        return WinogradConvolution.suits(in.channels(), out(node), kernel, stride, site.outputShape().height(),
                site.outputShape().width()) ? WINOGRAD : OP;
    }

    @Override
    public List<ClassName> opTypes() {
        return List.of(OP, DIRECT, WINOGRAD, STRIDED);
    }

    /** A direct convolution takes an average pool tiling its output (DirectConv2d.pooled). */
    @Override
    public boolean fusesAveragePool(Node node, Shape input, Shape output, Node reader) {
        if (!(reader.kind() instanceof PoolKind.Avg) || !DirectConvolution.suits(input.channels(), input.width(),
                out(node), node.attributes().integer("kernel"), node.attributes().integer("stride"),
                node.attributes().integer("padding"))) {
            return false;
        }
        Window window = PoolKind.windowOf(reader);
        return DirectConvolution.suitsPool(output.height(), output.width(), window.kernel(), window.stride(),
                window.padding());
    }

    @Override
    public CodeBlock newOp(CodeSite site) {
        Shape in = site.input();
        Node node = site.node();
        if (site.fusedPool() != null) {
            int window = site.fusedPool().window();
            return CodeBlock.of("$T.pooled($L, $S, $L, $L, $L, $L, $L, $L, $L, $L, $L, $L, $L, 0)", DIRECT,
                    Names.DEVICE, node.path(), Names.BATCH_SIZE, in.channels(), in.height(), in.width(), out(node),
                    node.attributes().integer("kernel"), node.attributes().integer("stride"),
                    node.attributes().integer("padding"), Activations.constant(node), window, window);
        }
        // Direct convolution needs no scratch; im2col and Winograd take theirs from the model's shared block.
        String scratch = opType(site).equals(DIRECT) ? "" : ", " + Names.SCRATCH;
        return CodeBlock.of("new $T($L, $S, $L, $L, $L, $L, $L, $L, $L, $L, $L$L)", opType(site), Names.DEVICE,
                node.path(), Names.BATCH_SIZE, in.channels(), in.height(), in.width(), out(node),
                node.attributes().integer("kernel"),
                node.attributes().integer("stride"), node.attributes().integer("padding"),
                Activations.constant(node), scratch);
    }

    /**
     * The chosen op's {@code deviceMemory}: a direct convolution's (stride 1, which a fused pool leaves as it is)
     * takes no stride; the others take {@code Conv2d}'s shapes.
     */
    @Override
    public Optional<CodeBlock> opMemory(CodeSite site) {
        Shape in = site.input();
        Node node = site.node();
        ClassName op = opType(site);
        if (op.equals(DIRECT)) {
            return Optional.of(CodeBlock.of("$T.deviceMemory($L, $L, $L, $L, $L, $L, $L)", DIRECT,
                    Names.BATCH_SIZE, in.channels(), in.height(), in.width(), out(node),
                    node.attributes().integer("kernel"), node.attributes().integer("padding")));
        }
        return Optional.of(CodeBlock.of("$T.deviceMemory($L, $L, $L, $L, $L, $L, $L, $L)", op, Names.BATCH_SIZE,
                in.channels(), in.height(), in.width(), out(node), node.attributes().integer("kernel"),
                node.attributes().integer("stride"), node.attributes().integer("padding")));
    }

    @Override
    public CodeBlock forward(CodeSite site) {
        if (site.fusedPool() != null) {
            return CodeBlock.builder().addStatement("$L.forwardPooled($L, $L, $L)", site.op(), site.output(),
                    site.fusedPool().pooled(), site.inputs().get(0)).build();
        }
        return CodeBlock.builder().addStatement("$L.forward($L, $L)", site.op(), site.output(), site.inputs().get(0))
                .build();
    }

    @Override
    public boolean endsInRelu(Node node) {
        return Activations.name(node).equals("RELU");
    }

    @Override
    public boolean derivativeReadsOnlySign(Node node) {
        return endsInRelu(node);
    }

    /** No output where the max pool after it applies the ReLU's derivative: {@code dOutput} is already through it. */
    @Override
    public CodeBlock backward(CodeSite site) {
        if (site.fusedPool() != null) { // dOutput is the pooled output's gradient
            return CodeBlock.builder().addStatement("$L.backwardPooled($L, $L, $L, $L)", site.op(),
                    site.dInputs().get(0), site.dOutput(), site.inputs().get(0), site.output()).build();
        }
        return CodeBlock.builder().addStatement("$L.backward($L, $L, $L, $L)", site.op(), site.dInputs().get(0),
                site.dOutput(), site.inputs().get(0), site.reluAcrossPool() ? "null" : site.output()).build();
    }

    private static int out(Node node) {
        return node.attributes().integer("out");
    }

    private static Window window(Node node) {
        return new Window(node.attributes().integer("kernel"), node.attributes().integer("stride"),
                node.attributes().integer("padding"));
    }
}
