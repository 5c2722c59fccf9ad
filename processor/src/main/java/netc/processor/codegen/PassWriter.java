package netc.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.lang.model.element.Modifier;
import netc.processor.codegen.GradientPlan.Delivery;
import netc.processor.codegen.GradientPlan.Route;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedNode;

/**
 * Writes the model's methods: the accessors, {@code parameters()} and {@code buffers()} in node order,
 * {@code forward} as a straight line of node calls in topological order, and {@code backward} as its
 * mirror, with the gradient routing of the {@link GradientPlan}.
 */
final class PassWriter {
    private PassWriter() {}

    static List<MethodSpec> methods(NetworkPlan plan, Identifiers names, GradientPlan gradients) {
        List<MethodSpec> methods = new ArrayList<>(List.of(
                accessor(Names.INPUT_METHOD, Names.INPUT),
                accessor(Names.LOGITS_METHOD, names.output(plan.last().index())),
                tensors(plan, names, Names.PARAMETERS_METHOD, "parameters", TypeNames.PARAMETER,
                        node -> !node.parameters().isEmpty())));
        if (plan.nodes().stream().anyMatch(node -> !node.buffers().isEmpty())) {
            methods.add(tensors(plan, names, Names.BUFFERS_METHOD, "state", TypeNames.STATE_TENSOR,
                    node -> !node.buffers().isEmpty()));
        }
        methods.add(forward(plan, names));
        methods.add(backward(plan, names, gradients));
        return methods;
    }

    private static MethodSpec accessor(String method, String field) {
        return override(method).returns(TypeNames.TENSOR).addStatement("return $L", field).build();
    }

    /**
     * {@code parameters()} or {@code buffers()}: each owning node's op's list ({@code parameters()}, or its
     * device {@code state()}), in node order.
     */
    private static MethodSpec tensors(NetworkPlan plan, Identifiers names, String method, String opMethod,
                                      ClassName type, Predicate<ShapedNode> owns) {
        List<CodeBlock> perNode = plan.nodes().stream().filter(owns)
                .map(node -> CodeBlock.of("$L.$L()", names.op(node), opMethod))
                .toList();
        MethodSpec.Builder builder = override(method).returns(ParameterizedTypeName.get(TypeNames.LIST, type));
        if (perNode.isEmpty()) {
            return builder.addStatement("return $T.of()", TypeNames.LIST).build();
        }
        return builder.addStatement("return $L($T.of(\n$L))", Names.CONCAT, TypeNames.LIST,
                        CodeBlock.join(perNode, ",\n"))
                .build();
    }

    private static MethodSpec forward(NetworkPlan plan, Identifiers names) {
        MethodSpec.Builder method = override(Names.FORWARD_METHOD).addParameter(TypeNames.MODE, Names.MODE);
        for (ShapedNode node : plan.nodes()) {
            CodeBlock call = node.node().kind().forward(CodeSites.of(node, names));
            if (!call.isEmpty()) {
                method.addCode(call);
                method.addStatement("$L($S, false)", Names.AFTER, node.path());
            }
        }
        return method.build();
    }

    /**
     * Each node reads its output's gradient and delivers its inputs': written directly by the first
     * consumer the pass reaches, added by the others, handed on by reference where it passes through.
     */
    private static MethodSpec backward(NetworkPlan plan, Identifiers names, GradientPlan gradients) {
        MethodSpec.Builder method = override(Names.BACKWARD_METHOD).addParameter(TypeNames.TENSOR, Names.D_LOGITS);
        for (GradientPlan.Step step : gradients.steps()) {
            method.addCode(step(step, names, gradients));
        }
        if (!gradients.skipped().isEmpty()) {
            List<String> skipped = gradients.skipped().stream().map(ShapedNode::path).toList();
            method.addComment("$L: no parameters up to $L, so no gradient is needed there.",
                    String.join(", ", skipped), skipped.size() == 1 ? "it" : "them");
        }
        return method.build();
    }

    private static CodeBlock step(GradientPlan.Step step, Identifiers names, GradientPlan gradients) {
        ShapedNode node = step.node();
        AvgPoolFusion fusion = names.avgPoolFusion();
        CodeBlock.Builder code = CodeBlock.builder();
        List<String> dInputs = new ArrayList<>();
        CodeBlock.Builder after = CodeBlock.builder();
        String dOutput = names.gradient(node.index());
        for (Delivery delivery : step.deliveries()) {
            int producer = delivery.producer();
            String gradient = producer < 0 ? null : names.gradient(producer);
            switch (delivery.route()) {
                case NONE -> dInputs.add("null");
                case WRITE, COPY -> {
                    dInputs.add(gradient); // a field, placed by the memory plan
                    if (delivery.route() == Route.COPY) {
                        after.addStatement("$L.copy($L, $L, $L)", Names.ARITHMETIC, gradient, dOutput,
                                size(node, producer));
                    }
                }
                case ALIAS -> {
                    if (fusion.isFusedPool(node.index())) {
                        code.add("$T $L = $L; // $L, the pooled gradient\n", TypeNames.TENSOR, gradient, dOutput,
                                node.output().batched());
                    } else if (names.activationFusion().isFusedActivation(node.index())) {
                        code.add("$T $L = $L; // $L, the gradient $L's backward takes\n", TypeNames.TENSOR, gradient,
                                dOutput, outputShape(node, producer), names.op(names.plan().node(producer)));
                    } else if (!node.node().kind().passesGradient()) {
                        code.add("$T $L = $L; // $L, written over in place\n", TypeNames.TENSOR, gradient, dOutput,
                                outputShape(node, producer));
                    } else {
                        code.add("$T $L = $L; // $L, the same gradient\n", TypeNames.TENSOR, gradient, dOutput,
                                outputShape(node, producer));
                    }
                    dInputs.add(gradient);
                }
                case SCRATCH -> {
                    String scratch = Names.workspace(delivery.scratch());
                    dInputs.add(scratch);
                    after.addStatement("$L.accumulate($L, $L, $L)", Names.ARITHMETIC, gradient, scratch,
                            size(node, producer));
                }
                case ACCUMULATE -> {
                    dInputs.add(gradient);
                    after.addStatement("$L.accumulate($L, $L, $L)", Names.ARITHMETIC, gradient, dOutput,
                            size(node, producer));
                }
            }
        }
        CodeBlock call = node.node().kind().passesGradient() ? CodeBlock.of("")
                : node.node().kind().backward(CodeSites.of(node, names, dInputs, dOutput));
        CodeBlock added = after.build();
        code.add(call).add(added);
        if (!call.isEmpty() || !added.isEmpty()) {
            code.addStatement("$L($S, true)", Names.AFTER, node.path());
        }
        return code.build();
    }

    private static String outputShape(ShapedNode node, int producer) {
        int input = node.node().inputs().indexOf(producer);
        return node.inputs().get(input).batched();
    }

    /** Values of the producer's gradient: batch × one example's. */
    private static CodeBlock size(ShapedNode node, int producer) {
        int input = node.node().inputs().indexOf(producer);
        return CodeBlock.of("$L() * $LL", Names.BATCH_SIZE_METHOD, node.inputs().get(input).size());
    }

    private static MethodSpec.Builder override(String name) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    }
}
