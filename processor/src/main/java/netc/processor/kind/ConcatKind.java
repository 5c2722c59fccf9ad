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
import netc.processor.model.Sizes;

/**
 * The join of a {@code CONCAT} block (its branches, in branch order) and of a {@code CONCAT_INPUT}
 * block (its input, then its body): the inputs side by side on channels. Runtime op {@code ChannelConcat}.
 */
final class ConcatKind implements NodeKind {
    private static final ClassName OP = ClassName.get("netc.runtime.ops", "ChannelConcat");

    @Override
    public String describe(Node node) {
        return "Concat";
    }

    /**
     * Channels add up; height and width must agree. When they do not, the odd input is the one that
     * differs from the most common size, and the error lands on whatever last resized that path (or, if
     * that path kept the block's size, on what resized the others).
     */
    @Override
    public Optional<Shape> output(Node node, List<Incoming> inputs, Report report) {
        Incoming reference = mostCommon(inputs);
        long channels = 0;
        for (Incoming input : inputs) {
            if (!sameSize(input.shape(), reference.shape())) {
                reportMismatch(node, input, reference, report);
                return Optional.empty();
            }
            channels = Sizes.plus(channels, input.shape().channels());
        }
        Shape shape = reference.shape();
        return Optional.of(shape.flat() ? Shape.features(channels)
                : Shape.image(channels, shape.height(), shape.width()));
    }

    private static void reportMismatch(Node node, Incoming odd, Incoming reference, Report report) {
        Incoming.Cause cause = odd.resized() != null ? odd.resized() : reference.resized();
        BlockInstance block = node.instance();
        Shape wanted = reference.shape();
        report.error(Diagnostic.CONCAT_SIZES, cause == null ? node.source() : cause.at(),
                cause == null ? block.path() : cause.node(), block.name(),
                odd.origin(), odd.shape().product(), reference.origin(), reference.shape().product(),
                cause == null ? "" : cause.explained(), cause == null ? odd.origin() : cause.node(),
                wanted.flat() ? "flat values" : wanted.height() + "×" + wanted.width());
    }

    private static boolean sameSize(Shape a, Shape b) {
        return a.flat() == b.flat() && a.height() == b.height() && a.width() == b.width();
    }

    /** The input whose size most inputs share; the earliest of them on a tie. */
    private static Incoming mostCommon(List<Incoming> inputs) {
        Incoming best = inputs.get(0);
        long bestCount = 0;
        for (Incoming candidate : inputs) {
            long count = inputs.stream().filter(other -> sameSize(other.shape(), candidate.shape())).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    @Override
    public ClassName opType() {
        return OP;
    }

    @Override
    public CodeBlock newOp(CodeSite site) {
        CodeBlock channels = CodeBlock.join(site.inputShapes().stream()
                .map(shape -> CodeBlock.of("$L", shape.channels())).toList(), ", ");
        Shape out = site.outputShape();
        return CodeBlock.of("new $T($L, $L, new int[] {$L}, $L)", OP, Names.DEVICE, Names.BATCH_SIZE, channels,
                Sizes.times(out.height(), out.width()));
    }

    /** It copies into the tensor it is given and keeps nothing. */
    @Override
    public Optional<CodeBlock> opMemory(CodeSite site) {
        return Optional.empty();
    }

    @Override
    public CodeBlock forward(CodeSite site) {
        return CodeBlock.builder().addStatement("$L.forward($L, $T.of($L))", site.op(), site.output(),
                ClassName.get("java.util", "List"), String.join(", ", site.inputs())).build();
    }

    /** Its backward reads only the output's gradient. */
    @Override
    public BackwardReads backwardReads() {
        return BackwardReads.NOTHING;
    }

    @Override
    public CodeBlock backward(CodeSite site) {
        // List.of refuses nulls; an input that needs no gradient (the network's own input) has one.
        ClassName list = site.dInputs().contains("null") ? ClassName.get("java.util", "Arrays")
                : ClassName.get("java.util", "List");
        return CodeBlock.builder().addStatement("$L.backward($T.$L($L), $L)", site.op(), list,
                site.dInputs().contains("null") ? "asList" : "of", String.join(", ", site.dInputs()), site.dOutput())
                .build();
    }
}
