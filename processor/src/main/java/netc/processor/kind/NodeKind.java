package netc.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Optional;
import netc.processor.diag.Report;
import netc.processor.graph.Node;
import netc.processor.model.Shape;

/**
 * What a node of the network's graph does: its shape rule, what it costs and owns, how PyTorch counts
 * it, and the Java that builds and calls its runtime op. Layer annotations are {@link LayerKind}s; the
 * joins of blocks ({@link AddKind}, {@link ConcatKind}) are node kinds too. Nothing outside this
 * package asks which kind a node is: it asks the kind.
 */
public interface NodeKind {

    /** Reports every attribute value out of its range (once placeholders are bound); true when all are fine. */
    default boolean checkAttributes(Node node, Report report) {
        return true;
    }

    /** The shape table's Kind column: {@code Conv(96, k11, s4, p1, RELU)}. */
    String describe(Node node);

    /**
     * The output shape for these inputs, or empty after reporting (on the attribute that caused it) why
     * there is none. A problem that leaves the output known (a wrong {@code @Dense(in)}) is reported and
     * the output still returned, so later nodes are checked too.
     */
    Optional<Shape> output(Node node, List<Incoming> inputs, Report report);

    /**
     * How the output's height and width follow from the input, with the numbers filled in, for messages
     * about later nodes: {@code floor((12 + 2·0 − 3) / 2) + 1 = 5}. Empty where the kind keeps them.
     */
    default Optional<String> explainSize(Node node, Shape input) {
        return Optional.empty();
    }

    /** The attribute to blame when this node's change of height and width disagrees with a sibling path's. */
    default Optional<String> resizingAttribute(Node node) {
        return Optional.empty();
    }

    /** Trainable tensors, in PyTorch's order (weight before bias). */
    default List<TensorSpec> parameters(Node node, Shape input) {
        return List.of();
    }

    /** Non-trainable state saved with the weights (BatchNorm's running statistics). */
    default List<TensorSpec> buffers(Node node, Shape input) {
        return List.of();
    }

    /** Multiply-adds of one example's forward pass; only convolutions and dense layers count. */
    default long multiplyAdds(Node node, Shape input, Shape output) {
        return 0;
    }

    /** The entries of a PyTorch {@code nn.Sequential} that this node's field stands for. */
    default TorchSlots torchSlots(Node node, Shape input) {
        return TorchSlots.ONE;
    }

    /** The runtime op's class; null for a kind without one. */
    ClassName opType();

    /** The runtime op's class for this node's shapes: {@link #opType()} unless the kind has a fast path for them. */
    default ClassName opType(CodeSite site) {
        return opType();
    }

    /** Every runtime op class the kind may use, for the names the generated code must leave free. */
    default List<ClassName> opTypes() {
        return opType() == null ? List.of() : List.of(opType());
    }

    /** {@code new Conv2d(device, "conv1", batchSize, ...)}. */
    CodeBlock newOp(CodeSite site);

    /**
     * What the op {@link #newOp} constructs allocates of its own, as a call of that op class's
     * {@code deviceMemory} with the arguments it is constructed with, {@code batchSize} among them
     * ({@code DirectConv2d.deviceMemory(batchSize, 6, 14, 14, 16, 5, 0)}); empty where the op owns nothing.
     * {@code INFO} carries it in the node's row as a function of {@code batchSize}, and the runtime's memory
     * estimate adds these up, so the op chosen here is the only one ever sized. Every kind answers: one that
     * forgot would make the estimate short.
     */
    Optional<CodeBlock> opMemory(CodeSite site);

    /** The forward call(s), one statement each; empty for a kind that computes nothing. */
    CodeBlock forward(CodeSite site);

    /** The backward call(s), reading {@code dOutput} and writing {@code dInputs}. */
    CodeBlock backward(CodeSite site);

    /**
     * Which tensors of the forward pass the backward call reads besides the gradients: its inputs (a
     * convolution's weight gradient does), its output (an activation's derivative does). The memory plan
     * keeps each live until then only if it is read; both unless the kind knows better.
     */
    default BackwardReads backwardReads() {
        return BackwardReads.INPUTS_AND_OUTPUT;
    }

    /** What a node's backward call reads of its forward pass's tensors, besides the gradients. */
    enum BackwardReads {
        INPUTS_AND_OUTPUT, INPUTS, OUTPUT, NOTHING;

        public boolean inputs() {
            return this == INPUTS_AND_OUTPUT || this == INPUTS;
        }

        public boolean output() {
            return this == INPUTS_AND_OUTPUT || this == OUTPUT;
        }
    }

    /**
     * Whether the node ends in a ReLU whose derivative a max pool reading its output can apply instead
     * (see {@link #appliesReluGradient}); its backward then takes no output (a convolution's does).
     */
    default boolean endsInRelu(Node node) {
        return false;
    }

    /**
     * Whether, reading a ReLU's output, the node can apply that ReLU's derivative in its own backward (a max
     * pool: ReLU and max commute). When the ReLU's layer has no other reader, the generated code pairs them
     * and the layer's output is dead once pooled.
     */
    default boolean appliesReluGradient() {
        return false;
    }

    /**
     * Whether the node (of this input and output shape) computes {@code reader}, an average pool that is its
     * output's only reader, in its own forward and backward calls (a direct convolution can).
     */
    default boolean fusesAveragePool(Node node, Shape input, Shape output, Node reader) {
        return false;
    }

    /**
     * Whether the forward may write its output over its input and the backward reads no input (an
     * activation, a dropout): the generated code does so where nothing else reads the input afterwards.
     */
    default boolean mayWriteOverInput() {
        return false;
    }

    /**
     * Whether the backward reads the node's output only for each value's sign (the derivative of a ReLU it
     * ends in), so that a layer written over that output which keeps signs leaves the backward right.
     */
    default boolean derivativeReadsOnlySign(Node node) {
        return false;
    }

    /**
     * Whether each output value is its input value times a factor of at least 0 that the backward applies to
     * the gradient too (an inverted dropout's mask and scale; a ReLU's 0 or 1).
     */
    default boolean scalesByFactorItsGradientShares(Node node) {
        return false;
    }

    /** For a standalone activation layer ({@code @ReLU}, {@code @Sigmoid}, {@code @Tanh}) its function; else null. */
    default netc.Activation standaloneActivation() {
        return null;
    }

    /**
     * Whether the node can apply a standalone activation layer that is its output's only reader in its own
     * forward and backward calls (a batch norm can).
     */
    default boolean fusesFollowingActivation() {
        return false;
    }

    /** True when the output is the input tensor itself, read differently ({@code @Flatten}). */
    default boolean outputIsInput() {
        return false;
    }

    /**
     * True when every input's gradient equals the output's ({@code Add}, {@code @Flatten}): the
     * generated code then hands the gradient on, by reference or by a copy, and calls no backward.
     */
    default boolean passesGradient() {
        return false;
    }
}
