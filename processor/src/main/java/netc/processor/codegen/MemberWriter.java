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
            fields.add(field(opType(layer.spec()), Names.op(layer.name())));
            fields.add(field(TypeNames.TENSOR, Names.output(layer.name())));
        }
        for (int i = 0; i < workspaceCount(plan); i++) {
            fields.add(field(TypeNames.TENSOR, Names.WORKSPACES[i]));
        }
        return fields;
    }

    static MethodSpec constructor(NetworkPlan plan) {
        Shape input = plan.spec().input();
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("super($L, $L, $L)", Names.DEVICE, Names.INFO, Names.BATCH_SIZE)
                .add("$L = $L($L); // $L\n", Names.INPUT, Names.OWN, newTensor(dimensions(input)), input.batched());
        for (ShapedLayer layer : plan.layers()) {
            body.add("$L = $L($L);\n", Names.op(layer.name()), Names.OWN, newOp(layer));
            body.add("$L = $L($L); // $L\n", Names.output(layer.name()), Names.OWN,
                    newTensor(dimensions(layer.output())), layer.output().batched());
        }
        int workspaces = workspaceCount(plan);
        if (workspaces > 0) {
            ShapedLayer largest = largestGradient(plan);
            body.add("// Gradients between layers alternate between $L, each as large as the largest: $L's $L.\n",
                    workspaces == 2 ? "two workspaces" : "one workspace", largest.name(), largest.output().batched());
            for (int i = 0; i < workspaces; i++) {
                body.add("$L = $L($L); // (N, $L)\n", Names.WORKSPACES[i], Names.OWN,
                        newTensor(Long.toString(largest.output().size())), largest.output().size());
            }
        }
        return MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addParameter(TypeNames.DEVICE, Names.DEVICE)
                .addParameter(int.class, Names.BATCH_SIZE)
                .addCode(body.build())
                .build();
    }

    static int workspaceCount(NetworkPlan plan) {
        return workspaceCount(plan.layers().size());
    }

    /** Gradients flow into every layer's input but the first's; one workspace each, alternating, at most two. */
    static int workspaceCount(int layers) {
        return Math.max(0, Math.min(2, layers - 1));
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

    private static CodeBlock newTensor(String dimensions) {
        return CodeBlock.of("new $T($L, $L, $L)", TypeNames.TENSOR, Names.DEVICE, Names.BATCH_SIZE, dimensions);
    }

    private static CodeBlock newOp(ShapedLayer layer) {
        LayerSpec spec = layer.spec();
        Shape in = layer.input();
        String device = Names.DEVICE;
        String batch = Names.BATCH_SIZE;
        if (spec instanceof LayerSpec.Conv conv) {
            return CodeBlock.of("new $T($L, $S, $L, $L, $L, $L, $L, $L, $L, $L, $T.$L)",
                    TypeNames.CONV2D, device, conv.name(), batch, in.channels(), in.height(), in.width(), conv.out(),
                    conv.kernel(), conv.stride(), conv.padding(), TypeNames.ACTIVATION, conv.activation());
        }
        if (spec instanceof LayerSpec.Pool pool) {
            return CodeBlock.of("new $T($L, $L, $L, $L, $L, $L, $L, $L)", opType(spec), device, batch,
                    in.channels(), in.height(), in.width(), pool.kernel(), pool.effectiveStride(), pool.padding());
        }
        if (spec instanceof LayerSpec.Dense dense) {
            return CodeBlock.of("new $T($L, $S, $L, $L, $L, $T.$L)", TypeNames.DENSE, device, dense.name(), batch,
                    in.size(), dense.out(), TypeNames.ACTIVATION, dense.activation());
        }
        LayerSpec.Dropout dropout = (LayerSpec.Dropout) spec;
        return CodeBlock.of("new $T($L, $L, $L, $Lf)", TypeNames.DROPOUT, device, batch, in.size(),
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
