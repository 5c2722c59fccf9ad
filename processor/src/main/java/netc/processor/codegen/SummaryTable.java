package netc.processor.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import netc.processor.graph.Node;
import netc.processor.kind.TensorSpec;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedNode;

/**
 * The shape table as text, after Keras's {@code model.summary()}: one row per node with its kind, output
 * shape, parameters and multiply-adds per example, then the totals and the memory the {@link MemoryPlan}
 * plans. A network that is more than a chain
 * gets Keras's "Connected to" column, filled where a node reads something other than the row above. The
 * same text is the generated {@code summary()}, the model's Javadoc and the {@code -Anetc.summary=true} note.
 */
public final class SummaryTable {
    private static final String[] HEADER = {"Layer", "Kind", "Output shape", "Param #", "Mult-adds", "Connected to"};
    /** Columns from here on are numbers, right-aligned. */
    private static final int FIRST_NUMBER = 3;

    private SummaryTable() {}

    public static String render(NetworkPlan plan) {
        int columns = plan.isChain() ? 5 : 6;
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ShapedNode node : plan.nodes()) {
            rows.add(new String[] {node.path(), node.node().kind().describe(node.node()), node.output().batched(),
                    Numbers.grouped(node.parameterCount()), Numbers.grouped(node.multiplyAdds()),
                    connections(plan, node)});
        }
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int column = 0; column < columns; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        int lineWidth = 3 * (columns - 1);
        for (int width : widths) {
            lineWidth += width;
        }
        StringBuilder text = new StringBuilder();
        text.append("Model: ").append(plan.spec().simpleName())
                .append(", input ").append(plan.spec().input().batched()).append('\n');
        text.append(row(rows.get(0), widths)).append('\n');
        text.append("=".repeat(lineWidth)).append('\n');
        for (String[] row : rows.subList(1, rows.size())) {
            text.append(row(row, widths)).append('\n');
        }
        text.append("=".repeat(lineWidth)).append('\n');
        text.append("Total params: ").append(Numbers.grouped(plan.parameters())).append('\n');
        long buffers = plan.nodes().stream().mapToLong(node -> node.buffers().size()).sum();
        if (buffers > 0) {
            long values = plan.nodes().stream().flatMap(node -> node.buffers().stream()).mapToLong(TensorSpec::size)
                    .sum();
            text.append("Buffers: ").append(buffers).append(" tensors, ").append(Numbers.grouped(values))
                    .append(" values (not trained)\n");
        }
        text.append("Multiply-adds per example: ").append(Numbers.grouped(plan.multiplyAdds()))
                .append(" (").append(Numbers.approximate(plan.multiplyAdds())).append(")\n");
        long block = MemoryPlan.of(plan, GradientPlan.of(plan), new Identifiers(plan)).floatsPerExample();
        text.append("Planned memory: parameters ").append(Numbers.bytes(4 * plan.parameters()))
                .append(", their gradients as much;\n");
        text.append("  outputs and gradients ").append(Numbers.grouped(block)).append(" floats per example (")
                .append(Numbers.bytes(4 * block * 64)).append(" at batch 64)\n");
        return text.toString();
    }

    /** The inputs' paths, where they are not simply the row above; inside the node's own block instance, relative to it. */
    private static String connections(NetworkPlan plan, ShapedNode node) {
        List<Integer> inputs = node.node().inputs();
        if (inputs.equals(List.of(node.index() - 1))) {
            return "";
        }
        String prefix = node.node().instance() == null ? "" : node.node().instance().path() + ".";
        return inputs.stream()
                .map(input -> input == Node.INPUT ? "input" : plan.node(input).path())
                .map(path -> path.startsWith(prefix) ? path.substring(prefix.length()) : path)
                .collect(Collectors.joining(", "));
    }

    /** Text columns left-aligned, number columns right-aligned, three spaces apart. */
    private static String row(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            boolean number = column >= FIRST_NUMBER && column < 5;
            String format = "%" + (number ? "" : "-") + widths[column] + "s";
            line.append(column == 0 ? "" : "   ").append(String.format(format, cells[column]));
        }
        return line.toString().stripTrailing();
    }
}
