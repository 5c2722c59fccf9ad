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
        fields.add(field(TypeNames.TENSOR, Names.INPUT));
        for (ShapedNode node : plan.nodes()) {
            if (!node.node().kind().outputIsInput()) {
                fields.add(field(node.node().kind().opType(CodeSites.of(node, names)), names.op(node)));
                fields.add(field(TypeNames.TENSOR, names.output(node.index())));
            }
        }
        for (int i = 0; i < gradients.workspaces(); i++) {
            fields.add(field(TypeNames.TENSOR, Names.workspace(i)));
        }
        if (gradients.combines()) {
            fields.add(field(TypeNames.TENSOR_ARITHMETIC, Names.ARITHMETIC));
        }
        return fields;
    }

    static MethodSpec constructor(NetworkPlan plan, Identifiers names, GradientPlan gradients) {
        Shape input = plan.spec().input();
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("super($L, $L, $L)", Names.DEVICE, Names.INFO, Names.BATCH_SIZE)
                .add("$L = $L($L); // $L\n", Names.INPUT, Names.OWN, newTensor(dimensions(input)), input.batched());
        for (ShapedNode node : plan.nodes()) {
            if (node.node().kind().outputIsInput()) {
                continue;
            }
            body.add("$L = $L($L);\n", names.op(node), Names.OWN, node.node().kind().newOp(CodeSites.of(node, names)));
            body.add("$L = $L($L); // $L\n", names.output(node.index()), Names.OWN,
                    newTensor(dimensions(node.output())), node.output().batched());
        }
        int workspaces = gradients.workspaces();
        if (workspaces > 0) {
            ShapedNode largest = gradients.largest();
            body.add("// $L, each as large as the largest: $L's $L.\n", workspacesText(workspaces),
                    largest.path(), largest.output().batched());
            for (int i = 0; i < workspaces; i++) {
                body.add("$L = $L($L); // (N, $L)\n", Names.workspace(i), Names.OWN,
                        newTensor(Long.toString(largest.output().size())), largest.output().size());
            }
        }
        if (gradients.combines()) {
            body.addStatement("$L = new $T($L)", Names.ARITHMETIC, TypeNames.TENSOR_ARITHMETIC, Names.DEVICE);
        }
        return MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addParameter(TypeNames.DEVICE, Names.DEVICE)
                .addParameter(int.class, Names.BATCH_SIZE)
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

    private static CodeBlock newTensor(String dimensions) {
        return CodeBlock.of("new $T($L, $L, $L)", TypeNames.TENSOR, Names.DEVICE, Names.BATCH_SIZE, dimensions);
    }

    private static String dimensions(Shape shape) {
        return String.join(", ", shape.dimensions().stream().map(String::valueOf).toList());
    }

    private static FieldSpec field(ClassName type, String name) {
        return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.FINAL).build();
    }
}
