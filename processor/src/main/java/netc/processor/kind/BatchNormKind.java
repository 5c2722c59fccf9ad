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
 * {@code @BatchNorm}: PyTorch's {@code BatchNorm2d} on an image, {@code BatchNorm1d} on features (then
 * each feature is a channel of one value). Its statistics count only the batch's active rows.
 */
final class BatchNormKind implements LayerKind {
    private static final ClassName OP = ClassName.get("netc.runtime.ops", "BatchNorm");

    @Override
    public String annotation() {
        return "netc.BatchNorm";
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
        return "BatchNorm";
    }

    @Override
    public Optional<Shape> output(Node node, List<Incoming> inputs, Report report) {
        return Optional.of(inputs.get(0).shape());
    }

    /** {@code weight} (γ) and {@code bias} (β), one per channel. */
    @Override
    public List<TensorSpec> parameters(Node node, Shape input) {
        return List.of(TensorSpec.of("weight", input.channels()), TensorSpec.of("bias", input.channels()));
    }

    /**
     * The running statistics and PyTorch's counter of training batches, a scalar. The op keeps the first two
     * on the device ({@code state()}) and counts on the host ({@code numBatchesTracked()}).
     */
    @Override
    public List<TensorSpec> buffers(Node node, Shape input) {
        return List.of(TensorSpec.of("running_mean", input.channels()), TensorSpec.of("running_var", input.channels()),
                TensorSpec.of("num_batches_tracked"));
    }

    @Override
    public ClassName opType() {
        return OP;
    }

    @Override
    public CodeBlock newOp(CodeSite site) {
        Shape in = site.input();
        if (site.fusedActivation() != null) {
            return CodeBlock.of("new $T($L, $S, $L, $L, $L, $T.$L)", OP, Names.DEVICE, site.node().path(),
                    Names.BATCH_SIZE, in.channels(), Sizes.times(in.height(), in.width()), Activations.ACTIVATION,
                    site.fusedActivation().function());
        }
        return CodeBlock.of("new $T($L, $S, $L, $L, $L)", OP, Names.DEVICE, site.node().path(), Names.BATCH_SIZE,
                in.channels(), Sizes.times(in.height(), in.width()));
    }

    /** Its parameters, running statistics and per-batch sums, fused activation or not. */
    @Override
    public Optional<CodeBlock> opMemory(CodeSite site) {
        return Optional.of(CodeBlock.of("$T.deviceMemory($L, $L)", OP, Names.BATCH_SIZE, site.input().channels()));
    }

    @Override
    public boolean fusesFollowingActivation() {
        return true;
    }

    @Override
    public CodeBlock forward(CodeSite site) {
        return CodeBlock.builder().addStatement("$L.forward($L, $L, $L, $L())", site.op(), site.output(),
                site.inputs().get(0), Names.MODE, Names.ACTIVE_ROWS).build();
    }

    /** Its backward reads its input, not its output. */
    @Override
    public BackwardReads backwardReads() {
        return BackwardReads.INPUTS;
    }

    /**
     * Where the input needs no gradient the op still computes one: it may overwrite {@code dOutput} with it.
     * With a fused activation it also reads its (activated) output, for the derivative.
     */
    @Override
    public CodeBlock backward(CodeSite site) {
        String dInput = site.dInputs().get(0).equals("null") ? site.dOutput() : site.dInputs().get(0);
        if (site.fusedActivation() != null) {
            return CodeBlock.builder().addStatement("$L.backward($L, $L, $L, $L)", site.op(), dInput, site.dOutput(),
                    site.inputs().get(0), site.output()).build();
        }
        return CodeBlock.builder().addStatement("$L.backward($L, $L, $L)", site.op(), dInput, site.dOutput(),
                site.inputs().get(0)).build();
    }
}
