package netc.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import netc.processor.model.NetworkPlan;

/** The generated model's Javadoc: what it is, its shape table, and its memory plan. */
final class ModelJavadoc {
    private static final String[] HEADER = {"Tensor", "Floats/example", "Offset", "Live"};

    private ModelJavadoc() {}

    static CodeBlock of(NetworkPlan plan, Identifiers names, MemoryPlan memory) {
        return CodeBlock.builder()
                .add("The {@code $L} network compiled by netc: its forward and backward passes on an OpenCL\n",
                        plan.spec().simpleName())
                .add("device, for one batch size.\n\n")
                .add("<pre>\n$L</pre>\n\n", SummaryTable.render(plan))
                .add("<p>Multiply-adds count {@code out·Ho·Wo·in·k·k} for a convolution and {@code in·out} for a\n")
                .add("dense layer; the other layers count none.\n\n")
                .add("<p>Memory: every output and gradient is a view of one block of device memory, placed when\n")
                .add("the network was compiled by when each is live, from the step that writes it to the last\n")
                .add("that reads it ({@code conv1} is a layer's forward step, {@code conv1'} its backward), so\n")
                .add("that only tensors never live at the same step share memory. The input and the logits'\n")
                .add("gradient are the caller's; each op's own scratch comes on top.\n\n")
                .add("<pre>\n$L</pre>\n", table(plan, memory))
                .add(inPlace(names))
                .build();
    }

    /** The layers that write their output over their input, which have no row of their own; empty for none. */
    private static CodeBlock inPlace(Identifiers names) {
        List<String> layers = names.layersWrittenOverInput().stream()
                .map(node -> "{@code " + node.path() + "} (over {@code " + names.output(node.index()) + "})").toList();
        if (layers.isEmpty()) {
            return CodeBlock.of("");
        }
        return CodeBlock.of("\n<p>Written over their input, as nothing reads it afterwards:\n$L.\n",
                String.join(",\n", layers));
    }

    /** One row per placed tensor, then the block's size against the least any placement could use. */
    private static String table(NetworkPlan plan, MemoryPlan memory) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (MemoryPlan.Placement p : memory.placements()) {
            rows.add(new String[] {p.field(), Numbers.grouped(p.size()), Numbers.grouped(p.offset()),
                    memory.stepName(plan, p.first()) + " … " + memory.stepName(plan, p.last())});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            text.append(String.format("%-" + widths[0] + "s   %" + widths[1] + "s   %" + widths[2] + "s   %s",
                    row[0], row[1], row[2], row[3]).stripTrailing()).append('\n');
        }
        if (memory.placements().isEmpty()) {
            return text.append("Nothing to place: the output is the input.\n").toString();
        }
        long block = memory.floatsPerExample();
        long least = memory.mostLiveAtOnce();
        text.append("Block: ").append(Numbers.grouped(block)).append(" floats per example (")
                .append(Numbers.bytes(4 * block)).append("; ").append(Numbers.bytes(4 * block * 64))
                .append(" at batch 64)\n");
        text.append("Most live at one step (").append(memory.stepName(plan, memory.stepOfMostLive())).append("): ")
                .append(Numbers.grouped(least)).append(" floats, the least any placement needs");
        return text.append('\n').toString();
    }
}
