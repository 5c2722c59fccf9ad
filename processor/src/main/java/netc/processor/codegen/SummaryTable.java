package netc.processor.codegen;

import java.util.ArrayList;
import java.util.List;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedLayer;

/**
 * The shape table as text, after Keras's {@code model.summary()}: one row per layer with its kind,
 * output shape, parameters and multiply-adds per example, then the totals. The same text is the
 * generated {@code summary()}, the model's Javadoc and the {@code -Anetc.summary=true} note.
 */
public final class SummaryTable {
    private static final String[] HEADER = {"Layer", "Kind", "Output shape", "Param #", "Mult-adds"};

    private SummaryTable() {}

    public static String render(NetworkPlan plan) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ShapedLayer layer : plan.layers()) {
            rows.add(new String[] {layer.name(), LayerText.kind(layer.spec()), layer.output().batched(),
                    LayerText.grouped(layer.parameters()), LayerText.grouped(layer.multiplyAdds())});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        int lineWidth = widths[0] + widths[1] + widths[2] + widths[3] + widths[4] + 4 * 3;
        StringBuilder text = new StringBuilder();
        text.append("Model: ").append(plan.spec().simpleName())
                .append(", input ").append(plan.spec().input().batched()).append('\n');
        text.append(row(rows.get(0), widths)).append('\n');
        text.append("=".repeat(lineWidth)).append('\n');
        for (String[] row : rows.subList(1, rows.size())) {
            text.append(row(row, widths)).append('\n');
        }
        text.append("=".repeat(lineWidth)).append('\n');
        text.append("Total params: ").append(LayerText.grouped(plan.parameters())).append('\n');
        text.append("Multiply-adds per example: ").append(LayerText.grouped(plan.multiplyAdds()))
                .append(" (").append(LayerText.approximate(plan.multiplyAdds())).append(")\n");
        return text.toString();
    }

    /** Text columns left-aligned, number columns right-aligned, three spaces apart. */
    private static String row(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.length; column++) {
            boolean number = column >= 3;
            String format = "%" + (number ? "" : "-") + widths[column] + "s";
            line.append(column == 0 ? "" : "   ").append(String.format(format, cells[column]));
        }
        return line.toString().stripTrailing();
    }
}
