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
import netc.processor.model.Sizes;

/**
 * {@code @Dense}: PyTorch's {@code Linear} with a fused activation; on an image it flattens first, as
 * the {@code Flatten} before a {@code Linear} in d2l's networks. Runtime op {@code Dense}, or
 * {@code SmallDense} for the layers {@link SmallDenseLayer} picks.
 */
final class DenseKind implements LayerKind {
    private static final ClassName OP = ClassName.get("netc.runtime.ops", "Dense");
    private static final ClassName SMALL = ClassName.get("netc.runtime.ops", "SmallDense");

    @Override
    public String annotation() {
        return "netc.Dense";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.integer("in"), AttributeSpec.integer("out"), AttributeSpec.constant("activation"));
    }

    @Override
    public boolean checkAttributes(Node node, Report report) {
        boolean ok = true;
        int in = node.attributes().integer("in");
        if (in != netc.Dense.INFERRED && in < 1) {
            report.error(Diagnostic.DENSE_INPUT_INVALID, node.attributes().source("in"), node.path(), in);
            ok = false;
        }
        return ok & AttributeChecks.atLeastOne(node, "Dense", "out", report);
    }

    @Override
    public String describe(Node node) {
        return "Dense(" + out(node) + Activations.suffix(node) + ")";
    }

    /** {@code out} features; a written {@code in} must equal the values coming in (reported, the output still known). */
    @Override
    public Optional<Shape> output(Node node, List<Incoming> inputs, Report report) {
        Incoming input = inputs.get(0);
        int in = node.attributes().integer("in");
        long size = input.shape().size();
        if (in != netc.Dense.INFERRED && in != size) {
            String values = input.shape().flat() ? Long.toString(size) : input.shape().product() + " = " + size;
            report.error(Diagnostic.DENSE_INPUT_MISMATCH, node.attributes().source("in"), node.path(), in,
                    input.origin(), values, input.shape().flat() ? "" : input.explained(), size);
        }
        return Optional.of(Shape.features(out(node)));
    }

    /** {@code weight [out, in]}, {@code bias [out]}. */
    @Override
    public List<TensorSpec> parameters(Node node, Shape input) {
        return List.of(TensorSpec.of("weight", (long) out(node), input.size()),
                TensorSpec.of("bias", (long) out(node)));
    }

    @Override
    public long multiplyAdds(Node node, Shape input, Shape output) {
        return Sizes.times(input.size(), out(node));
    }

    /** Its own {@code Linear}, the {@code Flatten} before it on an image, the activation after it. */
    @Override
    public TorchSlots torchSlots(Node node, Shape input) {
        int flatten = input.flat() ? 0 : 1;
        return new TorchSlots(flatten, flatten + 1 + (Activations.fused(node) ? 1 : 0));
    }

    @Override
    public ClassName opType() {
        return OP;
    }

    @Override
    public ClassName opType(CodeSite site) {
        return SmallDenseLayer.suits(site.input().size(), out(site.node())) ? SMALL : OP;
    }

    @Override
    public List<ClassName> opTypes() {
        return List.of(OP, SMALL);
    }

    @Override
    public CodeBlock newOp(CodeSite site) {
        Node node = site.node();
        // The small dense layer needs no scratch; the GEMM-based one takes its packing from the model's block.
        String scratch = opType(site).equals(SMALL) ? "" : ", " + Names.SCRATCH;
        return CodeBlock.of("new $T($L, $S, $L, $L, $L, $L$L)", opType(site), Names.DEVICE, node.path(),
                Names.BATCH_SIZE, site.input().size(), out(node), Activations.constant(node), scratch);
    }

    /** The small dense layer holds its weight and bias alone, whatever the batch; the GEMM-based one packs by batch. */
    @Override
    public Optional<CodeBlock> opMemory(CodeSite site) {
        long in = site.input().size();
        int out = out(site.node());
        return Optional.of(opType(site).equals(SMALL)
                ? CodeBlock.of("$T.deviceMemory($L, $L)", SMALL, in, out)
                : CodeBlock.of("$T.deviceMemory($L, $L, $L)", OP, Names.BATCH_SIZE, in, out));
    }

    @Override
    public CodeBlock forward(CodeSite site) {
        return CodeBlock.builder().addStatement("$L.forward($L, $L)", site.op(), site.output(), site.inputs().get(0))
                .build();
    }

    /** Its backward reads its output only for the fused activation's derivative. */
    @Override
    public boolean derivativeReadsOnlySign(Node node) {
        return Activations.name(node).equals("RELU");
    }

    @Override
    public CodeBlock backward(CodeSite site) {
        return CodeBlock.builder().addStatement("$L.backward($L, $L, $L, $L)", site.op(), site.dInputs().get(0),
                site.dOutput(), site.inputs().get(0), site.output()).build();
    }

    private static int out(Node node) {
        return node.attributes().integer("out");
    }
}
