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
 * output (a flatten has neither: its output is its input), and the gradients, every output and gradient a
 * view of one block placed by the {@link MemoryPlan}.
 */
final class MemberWriter {
    private MemberWriter() {}

    static List<FieldSpec> fields(NetworkPlan plan, Identifiers names, GradientPlan gradients, MemoryPlan memory) {
        List<FieldSpec> fields = new ArrayList<>();
        if (!memory.placements().isEmpty()) {
            fields.add(field(TypeNames.TENSOR, Names.MEMORY));
        }
        fields.add(field(TypeNames.SCRATCH, Names.SCRATCH));
        fields.add(field(TypeNames.TENSOR, Names.INPUT));
        for (ShapedNode node : plan.nodes()) {
            if (node.node().kind().outputIsInput()) {
                continue;
            }
            if (names.hasOp(node)) {
                fields.add(field(node.node().kind().opType(CodeSites.of(node, names)), names.op(node)));
            }
            if (!names.writesOverInput(node.index())) {
                fields.add(field(TypeNames.TENSOR, names.output(node.index())));
            }
        }
        for (MemoryPlan.Placement placement : memory.placements()) {
            if (placement.kind() != MemoryPlan.Holds.OUTPUT) {
                fields.add(field(TypeNames.TENSOR, placement.field()));
            }
        }
        if (gradients.combines()) {
            fields.add(field(TypeNames.TENSOR_ARITHMETIC, Names.ARITHMETIC));
        }
        return fields;
    }

    static MethodSpec constructor(NetworkPlan plan, Identifiers names, GradientPlan gradients, MemoryPlan memory) {
        Shape input = plan.spec().input();
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("super($L, $L, $L)", Names.DEVICE, Names.INFO, Names.BATCH_SIZE);
        if (!memory.placements().isEmpty()) { // a network of flattens only has nothing to place
            body.add("// Every output and gradient is a view of this block, placed by when each is live (see above).\n")
                    .add("$L = $L($L); // (N, $L)\n", Names.MEMORY, Names.OWN,
                            newTensor(Long.toString(memory.floatsPerExample())),
                            Numbers.grouped(memory.floatsPerExample()));
        }
        body.add("// What the ops use only inside one call, in one block as large as the largest op needs.\n")
                .addStatement("$L = $L(new $T($L, $T.scratchFloats($L, $L)))", Names.SCRATCH, Names.OWN,
                        TypeNames.SCRATCH, Names.DEVICE, TypeNames.MEMORY_ESTIMATE, Names.INFO, Names.BATCH_SIZE)
                .add("$L = $L($L); // $L\n", Names.INPUT, Names.OWN, newTensor(dimensions(input)), input.batched());
        for (ShapedNode node : plan.nodes()) {
            if (node.node().kind().outputIsInput()) {
                continue;
            }
            if (names.hasOp(node)) {
                body.add("$L = $L($L);\n", names.op(node), Names.OWN,
                        node.node().kind().newOp(CodeSites.of(node, names)));
            }
            if (names.activationFusion().isFusedActivation(node.index())) {
                body.add("// $L: $L applies it to its own output, $L.\n", node.path(),
                        names.op(plan.node(node.node().inputs().get(0))), names.output(node.index()));
            } else if (names.writesOverInput(node.index())) {
                body.add("// $L writes its output over its input, $L.\n", node.path(), names.output(node.index()));
            } else {
                body.add(view(memory.placement(names.output(node.index()))));
            }
        }
        List<MemoryPlan.Placement> gradientViews = memory.placements().stream()
                .filter(placement -> placement.kind() != MemoryPlan.Holds.OUTPUT).toList();
        if (!gradientViews.isEmpty()) {
            body.add(gradientViews.stream().anyMatch(placement -> placement.kind() == MemoryPlan.Holds.SCRATCH)
                    ? "// The gradients, and the scratch where a later consumer's part of one is made before it is added.\n"
                    : "// The gradients between layers.\n");
            gradientViews.forEach(placement -> body.add(view(placement)));
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

    /** {@code conv1Out = own(memory.view(batchSize * 1024L, batchSize, 96, 54, 54)); // (N, 96, 54, 54)}. */
    private static CodeBlock view(MemoryPlan.Placement placement) {
        Shape shape = placement.node().output();
        String offset = placement.offset() == 0 ? "0" : Names.BATCH_SIZE + " * " + placement.offset() + "L";
        return CodeBlock.of("$L = $L($L.view($L, $L, $L)); // $L\n", placement.field(), Names.OWN, Names.MEMORY, offset,
                Names.BATCH_SIZE, dimensions(shape), shape.batched());
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
