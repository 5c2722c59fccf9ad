package netc.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import netc.processor.graph.Node;

/** The fused {@code activation} attribute of {@code @Conv} and {@code @Dense}, as text and as generated code. */
final class Activations {
    static final ClassName ACTIVATION = ClassName.get("netc", "Activation");

    private Activations() {}

    static String name(Node node) {
        return node.attributes().constant("activation");
    }

    static boolean fused(Node node) {
        return !name(node).equals("NONE");
    }

    /** {@code ", RELU"} for the Kind text, or "" without an activation. */
    static String suffix(Node node) {
        return fused(node) ? ", " + name(node) : "";
    }

    /** {@code Activation.RELU}. */
    static CodeBlock constant(Node node) {
        return CodeBlock.of("$T.$L", ACTIVATION, name(node));
    }
}
