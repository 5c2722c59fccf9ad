package netc.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import javax.lang.model.element.Modifier;
import netc.processor.model.NetworkPlan;
import netc.processor.model.NetworkSpec;
import netc.processor.model.ShapedLayer;

/** Writes {@code INFO}: the {@code NetworkInfo} literal with the shape table, the shape hash and the summary text. */
final class InfoWriter {
    private InfoWriter() {}

    static FieldSpec info(NetworkPlan plan) {
        NetworkSpec spec = plan.spec();
        CodeBlock.Builder rows = CodeBlock.builder();
        for (ShapedLayer layer : plan.layers()) {
            rows.add("$[new $T($S, $S, $T.of($L), $LL, $LL)$]", TypeNames.LAYER_ROW, layer.name(),
                    LayerText.kind(layer.spec()), TypeNames.LIST,
                    CodeBlock.join(layer.output().dimensions().stream().map(d -> CodeBlock.of("$L", d)).toList(), ", "),
                    layer.parameters(), layer.multiplyAdds());
            rows.add(layer.index() == plan.layers().size() - 1 ? "" : ",\n");
        }
        CodeBlock initializer = CodeBlock.builder()
                .add("new $T(\n", TypeNames.NETWORK_INFO)
                .indent().indent()
                .add("$S,\n$S,\n", spec.simpleName(), spec.binaryName())
                .add("$L, $L, $L,\n", spec.input().channels(), spec.input().height(), spec.input().width())
                .add("$L,\n", plan.last().output().size())
                .add("$T.of(\n", TypeNames.LIST)
                .indent().indent().add(rows.build()).unindent().unindent()
                .add("),\n")
                .add("$S,\n", ShapeHash.of(plan))
                .add("$S)", SummaryTable.render(plan))
                .unindent().unindent()
                .build();
        return FieldSpec.builder(TypeNames.NETWORK_INFO, Names.INFO, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("What the compiler worked out about $L: its shape table, shape hash and summary.\n",
                        spec.simpleName())
                .initializer(initializer)
                .build();
    }
}
