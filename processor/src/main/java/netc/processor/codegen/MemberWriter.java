package netc.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import netc.processor.model.LayerSpec;
import netc.processor.model.NetworkPlan;
import netc.processor.model.Shape;
import netc.processor.model.ShapedLayer;

/**
 * Writes the model's device state and the constructor that allocates it: the input, each layer's op
 * and output, and the two gradient workspaces.
 */
final class MemberWriter {
    private MemberWriter() {}

    static List<FieldSpec> fields(NetworkPlan plan) {
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(field(TypeNames.TENSOR, Names.INPUT));
        for (ShapedLayer layer : plan.layers()) {
            fields.add(field(opType(layer.spec()), layer.name()));
            fields.add(field(TypeNames.TENSOR, Names.output(layer)));
        }
        for (int i = 0; i < workspaceCount(plan); i++) {
            fields.add(field(TypeNames.TENSOR, Names.WORKSPACES[i]));
        }
        return fields;
    }

    static MethodSpec constructor(NetworkPlan plan) {
        Shape input = plan.spec().input();
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("super(device, INFO, batchSize)")
                .add("$L = own(new $T(device, batchSize, $L)); // $L\n", Names.INPUT, TypeNames.TENSOR,
                        dimensions(input), input.batched());
        for (ShapedLayer layer : plan.layers()) {
            body.add("$L = own($L);\n", layer.name(), newOp(layer));
            body.add("$L = own(new $T(device, batchSize, $L)); // $L\n", Names.output(layer), TypeNames.TENSOR,
                    dimensions(layer.output()), layer.output().batched());
        }
        int workspaces = workspaceCount(plan);
        if (workspaces > 0) {
            ShapedLayer largest = largestGradient(plan);
            body.add("// Gradients between layers alternate between $L, each as large as the largest: $L's $L.\n",
                    workspaces == 2 ? "two workspaces" : "one workspace", largest.name(), largest.output().batched());
            for (int i = 0; i < workspaces; i++) {
                body.add("$L = own(new $T(device, batchSize, $L)); // (N, $L)\n", Names.WORKSPACES[i],
                        TypeNames.TENSOR, largest.output().size(), largest.output().size());
            }
        }
        return MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addParameter(TypeNames.DEVICE, "device")
                .addParameter(int.class, "batchSize")
                .addCode(body.build())
                .build();
    }

    /** Gradients flow into every layer's input but the first's; one workspace each, alternating, at most two. */
    static int workspaceCount(NetworkPlan plan) {
        return Math.min(2, plan.layers().size() - 1);
    }

    /** Of the outputs whose gradient is needed (all but the last layer's), the largest. */
    static ShapedLayer largestGradient(NetworkPlan plan) {
        ShapedLayer largest = plan.layers().get(0);
        for (ShapedLayer layer : plan.layers().subList(0, plan.layers().size() - 1)) {
            if (layer.output().size() > largest.output().size()) {
                largest = layer;
            }
        }
        return largest;
    }

    private static CodeBlock newOp(ShapedLayer layer) {
        LayerSpec spec = layer.spec();
        Shape in = layer.input();
        if (spec instanceof LayerSpec.Conv conv) {
            return CodeBlock.of("new $T(device, $S, batchSize, $L, $L, $L, $L, $L, $L, $L, $T.$L)",
                    TypeNames.CONV2D, conv.name(), in.channels(), in.height(), in.width(), conv.out(),
                    conv.kernel(), conv.stride(), conv.padding(), TypeNames.ACTIVATION, conv.activation());
        }
        if (spec instanceof LayerSpec.Pool pool) {
            return CodeBlock.of("new $T(device, batchSize, $L, $L, $L, $L, $L, $L)", opType(spec),
                    in.channels(), in.height(), in.width(), pool.kernel(), pool.effectiveStride(), pool.padding());
        }
        if (spec instanceof LayerSpec.Dense dense) {
            return CodeBlock.of("new $T(device, $S, batchSize, $L, $L, $T.$L)", TypeNames.DENSE, dense.name(),
                    in.size(), dense.out(), TypeNames.ACTIVATION, dense.activation());
        }
        LayerSpec.Dropout dropout = (LayerSpec.Dropout) spec;
        return CodeBlock.of("new $T(device, batchSize, $L, $Lf)", TypeNames.DROPOUT, in.size(),
                (float) dropout.p());
    }

    static ClassName opType(LayerSpec spec) {
        if (spec instanceof LayerSpec.Conv) {
            return TypeNames.CONV2D;
        }
        if (spec instanceof LayerSpec.Pool pool) {
            return pool.kind() == LayerSpec.PoolKind.MAX ? TypeNames.MAX_POOL2D : TypeNames.AVG_POOL2D;
        }
        return spec instanceof LayerSpec.Dense ? TypeNames.DENSE : TypeNames.DROPOUT;
    }

    private static String dimensions(Shape shape) {
        return String.join(", ", shape.dimensions().stream().map(String::valueOf).toList());
    }

    private static FieldSpec field(ClassName type, String name) {
        return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.FINAL).build();
    }
}
