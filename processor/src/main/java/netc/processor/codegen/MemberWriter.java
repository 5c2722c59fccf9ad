package netc.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import netc.processor.model.NetworkPlan;
import netc.processor.model.Shape;
import netc.processor.model.ShapedNode;

/**
 * Writes the model's device state and the constructor that allocates it: the input, each node's op and
 * output (a flatten has neither: its output is its input), and the gradient workspaces.
 */
final class MemberWriter {
    private MemberWriter() {}

    static List<FieldSpec> fields(NetworkPlan plan, Identifiers names, GradientPlan gradients) {
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(field(TypeNames.TENSOR, Identifiers.INPUT));
        for (ShapedNode node : plan.nodes()) {
            if (!node.node().kind().outputIsInput()) {
                fields.add(field(node.node().kind().opType(), names.op(node)));
                fields.add(field(TypeNames.TENSOR, names.output(node.index())));
            }
        }
        for (int i = 0; i < gradients.workspaces(); i++) {
            fields.add(field(TypeNames.TENSOR, Identifiers.workspace(i)));
        }
        if (gradients.combines()) {
            fields.add(field(TypeNames.TENSOR_ARITHMETIC, Identifiers.ARITHMETIC));
        }
        return fields;
    }

    static MethodSpec constructor(NetworkPlan plan, Identifiers names, GradientPlan gradients) {
        Shape input = plan.spec().input();
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("super(device, INFO, batchSize)")
                .add("$L = own(new $T(device, batchSize, $L)); // $L\n", Identifiers.INPUT, TypeNames.TENSOR,
                        dimensions(input), input.batched());
        for (ShapedNode node : plan.nodes()) {
            if (node.node().kind().outputIsInput()) {
                continue;
            }
            body.add("$L = own($L);\n", names.op(node), node.node().kind().newOp(CodeSites.of(node, names)));
            body.add("$L = own(new $T(device, batchSize, $L)); // $L\n", names.output(node.index()),
                    TypeNames.TENSOR, dimensions(node.output()), node.output().batched());
        }
        int workspaces = gradients.workspaces();
        if (workspaces > 0) {
            ShapedNode largest = gradients.largest();
            body.add("// $L, each as large as the largest: $L's $L.\n", workspacesText(workspaces),
                    largest.path(), largest.output().batched());
            for (int i = 0; i < workspaces; i++) {
                body.add("$L = own(new $T(device, batchSize, $L)); // (N, $L)\n", Identifiers.workspace(i),
                        TypeNames.TENSOR, largest.output().size(), largest.output().size());
            }
        }
        if (gradients.combines()) {
            body.addStatement("$L = new $T(device)", Identifiers.ARITHMETIC, TypeNames.TENSOR_ARITHMETIC);
        }
        return MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addParameter(TypeNames.DEVICE, "device")
                .addParameter(int.class, "batchSize")
                .addCode(body.build())
                .build();
    }

    /** "Gradients between layers alternate between two workspaces" for a chain; the general case otherwise. */
    static String workspacesText(int workspaces) {
        return switch (workspaces) {
            case 1 -> "Gradients between layers live in one workspace";
            case 2 -> "Gradients between layers alternate between two workspaces";
            default -> "Gradients share " + workspaces + " workspaces, assigned by when each is live";
        };
    }

    private static String dimensions(Shape shape) {
        return String.join(", ", shape.dimensions().stream().map(String::valueOf).toList());
    }

    private static FieldSpec field(ClassName type, String name) {
        return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.FINAL).build();
    }
}
