package netc.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import java.util.List;
import javax.lang.model.element.Modifier;
import netc.processor.model.LayerSpec;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedLayer;

/** Writes the model's methods: the accessors, {@code forward} as a straight line of layer calls and {@code backward} as its mirror. */
final class PassWriter {
    private PassWriter() {}

    static List<MethodSpec> methods(NetworkPlan plan) {
        return List.of(
                accessor(Names.INPUT_METHOD, Names.INPUT),
                accessor(Names.LOGITS_METHOD, Names.output(plan.last().name())),
                parameters(plan),
                forward(plan),
                backward(plan));
    }

    private static MethodSpec accessor(String method, String field) {
        return override(method).returns(TypeNames.TENSOR).addStatement("return $L", field).build();
    }

    private static MethodSpec parameters(NetworkPlan plan) {
        List<CodeBlock> perLayer = plan.layers().stream()
                .filter(layer -> layer.spec() instanceof LayerSpec.Conv || layer.spec() instanceof LayerSpec.Dense)
                .map(layer -> CodeBlock.of("$L.parameters()", Names.op(layer.name())))
                .toList();
        MethodSpec.Builder method = override(Names.PARAMETERS_METHOD)
                .returns(ParameterizedTypeName.get(TypeNames.LIST, TypeNames.PARAMETER));
        if (perLayer.isEmpty()) {
            return method.addStatement("return $T.of()", TypeNames.LIST).build();
        }
        return method.addStatement("return $L($T.of(\n$L))", Names.CONCAT, TypeNames.LIST,
                CodeBlock.join(perLayer, ",\n")).build();
    }

    private static MethodSpec forward(NetworkPlan plan) {
        MethodSpec.Builder method = override(Names.FORWARD_METHOD).addParameter(TypeNames.MODE, Names.MODE);
        String input = Names.INPUT;
        for (ShapedLayer layer : plan.layers()) {
            String op = Names.op(layer.name());
            String output = Names.output(layer.name());
            if (layer.spec() instanceof LayerSpec.Dropout) {
                method.addStatement("$L.forward($L, $L, $L, $L($L))", op, output, input, Names.MODE,
                        Names.DROPOUT_KEY, layer.index());
            } else {
                method.addStatement("$L.forward($L, $L)", op, output, input);
            }
            method.addStatement("$L($S, false)", Names.AFTER, layer.name());
            input = output;
        }
        return method.build();
    }

    /**
     * Layer {@code i} reads its output's gradient and writes its input's, which is layer {@code i-1}'s
     * output gradient; these alternate between the two workspaces, so no layer reads and writes one.
     */
    private static MethodSpec backward(NetworkPlan plan) {
        MethodSpec.Builder method = override(Names.BACKWARD_METHOD).addParameter(TypeNames.TENSOR, Names.D_LOGITS);
        List<ShapedLayer> layers = plan.layers();
        int last = layers.size() - 1;
        for (int i = last; i >= 0; i--) {
            ShapedLayer layer = layers.get(i);
            String dOutput = i == last ? Names.D_LOGITS : Names.gradient(layer.name());
            boolean hasParameters = layer.spec() instanceof LayerSpec.Conv || layer.spec() instanceof LayerSpec.Dense;
            if (i == 0 && !hasParameters) {
                method.addComment("$L is the first layer and has no parameters: its input needs no gradient.",
                        layer.name());
                break;
            }
            String dInput = "null";
            if (i > 0) {
                ShapedLayer previous = layers.get(i - 1);
                dInput = Names.gradient(previous.name());
                method.addCode("$T $L = $L; // $L\n", TypeNames.TENSOR, dInput,
                        Names.WORKSPACES[(last - i) % 2], previous.output().batched());
            }
            String input = i == 0 ? Names.INPUT : Names.output(layers.get(i - 1).name());
            String op = Names.op(layer.name());
            if (hasParameters) {
                method.addStatement("$L.backward($L, $L, $L, $L)", op, dInput, dOutput, input,
                        Names.output(layer.name()));
            } else {
                method.addStatement("$L.backward($L, $L)", op, dInput, dOutput);
            }
            method.addStatement("$L($S, true)", Names.AFTER, layer.name());
        }
        return method.build();
    }

    private static MethodSpec.Builder override(String name) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    }
}
