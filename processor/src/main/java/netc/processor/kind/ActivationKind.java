package netc.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Optional;
import netc.Activation;
import netc.processor.codegen.Names;
import netc.processor.diag.Report;
import netc.processor.graph.Node;
import netc.processor.model.Shape;

/**
 * {@code @ReLU}, {@code @Sigmoid}, {@code @Tanh}: an activation as a layer of its own (one instance per
 * function), and the activation a block applies after its join. Runtime op {@code ActivationLayer}.
 */
final class ActivationKind implements LayerKind {
    private static final ClassName OP = ClassName.get("netc.runtime.ops", "ActivationLayer");

    private final Activation function;
    private final String simpleName;

    ActivationKind(Activation function, String simpleName) {
        this.function = function;
        this.simpleName = simpleName;
    }

    Activation function() {
        return function;
    }

    @Override
    public String annotation() {
        return "netc." + simpleName;
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
        return simpleName;
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
        return CodeBlock.of("new $T($L, $T.$L, $L, $L)", OP, Names.DEVICE, Activations.ACTIVATION, function,
                Names.BATCH_SIZE, site.input().size());
    }

    /** It works on the tensors it is given and keeps nothing. */
    @Override
    public Optional<CodeBlock> opMemory(CodeSite site) {
        return Optional.empty();
    }

    @Override
    public CodeBlock forward(CodeSite site) {
        if (site.fusedActivation() != null) {
            return CodeBlock.of("// $L: applied by $L's forward, to $L\n", site.node().path(),
                    site.fusedActivation().norm(), site.output());
        }
        return CodeBlock.builder().addStatement("$L.forward($L, $L)", site.op(), site.output(), site.inputs().get(0))
                .build();
    }

    /** Its backward reads its output (each activation's derivative is a function of it, as the fused ones' are), not its input. */
    @Override
    public BackwardReads backwardReads() {
        return BackwardReads.OUTPUT;
    }

    @Override
    public boolean mayWriteOverInput() {
        return true;
    }

    @Override
    public boolean derivativeReadsOnlySign(Node node) {
        return function == Activation.RELU;
    }

    @Override
    public boolean scalesByFactorItsGradientShares(Node node) {
        return function == Activation.RELU;
    }

    @Override
    public netc.Activation standaloneActivation() {
        return function;
    }

    @Override
    public CodeBlock backward(CodeSite site) {
        if (site.fusedActivation() != null) {
            return CodeBlock.of("// $L's backward applies $L's derivative\n", site.fusedActivation().norm(),
                    site.fusedActivation().activation());
        }
        return CodeBlock.builder().addStatement("$L.backward($L, $L, $L)", site.op(), site.dInputs().get(0),
                site.dOutput(), site.output()).build();
    }
}
