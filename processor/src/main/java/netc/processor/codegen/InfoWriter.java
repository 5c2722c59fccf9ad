package netc.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import netc.processor.kind.TensorSpec;
import netc.processor.model.NetworkPlan;
import netc.processor.model.NetworkSpec;
import netc.processor.model.ShapedNode;
import netc.processor.model.TorchStep;

/**
 * Writes {@code INFO}: the {@code NetworkInfo} literal with the shape table (each row with the rows it
 * reads, its node's PyTorch path and what its op allocates), every parameter and buffer with its node and
 * PyTorch shape, the memory plan, the shape hash and the summary.
 */
final class InfoWriter {
    private InfoWriter() {}

    static FieldSpec info(NetworkPlan plan, Identifiers names, MemoryPlan memory) {
        NetworkSpec spec = plan.spec();
        List<CodeBlock> rows = new ArrayList<>();
        List<CodeBlock> parameters = new ArrayList<>();
        List<CodeBlock> buffers = new ArrayList<>();
        for (ShapedNode node : plan.nodes()) {
            rows.add(CodeBlock.of("$[new $T($S, $S, $T.of($L), $LL, $LL,\n$T.of($L), $L$L)$]", TypeNames.LAYER_ROW,
                    node.path(), node.node().kind().describe(node.node()), TypeNames.LIST,
                    numbers(node.output().dimensions()), node.parameterCount(), node.multiplyAdds(), TypeNames.LIST,
                    numbers(node.node().inputs().stream().map(Integer::longValue).toList()),
                    torchPath(node.torchPath()), opMemory(node, names)));
            node.parameters().forEach(tensor -> parameters.add(tensor(node, tensor)));
            node.buffers().forEach(tensor -> buffers.add(tensor(node, tensor)));
        }
        CodeBlock initializer = CodeBlock.builder()
                .add("new $T(\n", TypeNames.NETWORK_INFO)
                .indent().indent()
                .add("$S,\n$S,\n", spec.simpleName(), spec.binaryName())
                .add("$L, $L, $L,\n", spec.input().channels(), spec.input().height(), spec.input().width())
                .add("$L,\n", plan.last().output().size())
                .add(list(rows)).add(",\n")
                .add(list(parameters)).add(",\n")
                .add(list(buffers)).add(",\n")
                .add(memoryPlan(memory, names)).add(",\n")
                .add("$S,\n", ShapeHash.of(plan))
                .add("$S)", SummaryTable.render(plan))
                .unindent().unindent()
                .build();
        return FieldSpec.builder(TypeNames.NETWORK_INFO, Names.INFO, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("What the compiler worked out about $L: its shape table, tensors, memory plan, shape hash"
                        + " and\nsummary; each row says what its layer's op allocates, as that op class works it out.\n",
                        spec.simpleName())
                .initializer(initializer)
                .build();
    }

    /**
     * {@code new MemoryPlan(1234, List.of(new MemoryPlan.Placement("conv1Out", 0L, 4864L, 0, 11), ...))}, and
     * after the placements the layers written over their input where there are any: {@code List.of("drop1")}.
     */
    private static CodeBlock memoryPlan(MemoryPlan memory, Identifiers names) {
        List<CodeBlock> placements = memory.placements().stream()
                .map(p -> CodeBlock.of("new $T($S, $LL, $LL, $L, $L)", TypeNames.PLACEMENT, p.field(), p.offset(),
                        p.size(), p.first(), p.last()))
                .toList();
        CodeBlock.Builder code = CodeBlock.builder().add("new $T($LL, ", TypeNames.MEMORY_PLAN, memory.floatsPerExample())
                .add(list(placements));
        List<CodeBlock> inPlace = names.layersWrittenOverInput().stream()
                .map(node -> CodeBlock.of("$S", node.path())).toList();
        if (!inPlace.isEmpty()) {
            code.add(",\n$T.of($L)", TypeNames.LIST, CodeBlock.join(inPlace, ", "));
        }
        return code.add(")").build();
    }

    /**
     * The row's last argument, {@code batchSize -> DirectConv2d.deviceMemory(batchSize, 1, 28, 28, 6, 5, 2)}: what
     * the op the constructor builds for the node allocates, said by that op class; nothing (the row's constructor
     * without it) where the op owns nothing or there is none.
     */
    private static CodeBlock opMemory(ShapedNode node, Identifiers names) {
        if (!names.hasOp(node)) {
            return CodeBlock.of("");
        }
        return node.node().kind().opMemory(CodeSites.of(node, names))
                .map(call -> CodeBlock.of(",\n$L -> $L", Names.BATCH_SIZE, call))
                .orElse(CodeBlock.of(""));
    }

    /** {@code new TensorInfo("conv1.weight", 0, "weight", List.of(6, 1, 5, 5))}. */
    private static CodeBlock tensor(ShapedNode node, TensorSpec tensor) {
        return CodeBlock.of("$[new $T($S, $L, $S, $T.of($L))$]", TypeNames.TENSOR_INFO,
                node.path() + "." + tensor.suffix(), node.index(), tensor.suffix(), TypeNames.LIST,
                numbers(tensor.shape()));
    }

    private static CodeBlock torchPath(List<TorchStep> steps) {
        List<CodeBlock> blocks = steps.stream()
                .map(step -> CodeBlock.of("new $T($S, $L, $L)", TypeNames.TORCH_STEP, step.name(), step.slot(),
                        step.repetition()))
                .toList();
        return CodeBlock.of("$T.of($L)", TypeNames.LIST, CodeBlock.join(blocks, ", "));
    }

    /** {@code List.of()} when empty; otherwise one element per line. */
    private static CodeBlock list(List<CodeBlock> elements) {
        if (elements.isEmpty()) {
            return CodeBlock.of("$T.of()", TypeNames.LIST);
        }
        return CodeBlock.builder().add("$T.of(\n", TypeNames.LIST).indent().indent()
                .add(CodeBlock.join(elements, ",\n")).unindent().unindent().add(")").build();
    }

    private static CodeBlock numbers(List<Long> values) {
        return CodeBlock.join(values.stream().map(value -> CodeBlock.of("$L", value)).toList(), ", ");
    }
}
