package netc.processor.kind;

import java.util.Optional;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.graph.Node;
import netc.processor.model.Shape;

/** A square window sliding over an image, as convolutions and pooling use it; the arithmetic is {@link ShapeArithmetic}'s. */
record Window(int kernel, int stride, int padding) {

    long height(Shape input) {
        return ShapeArithmetic.windowOutput(input.height(), kernel, stride, padding);
    }

    long width(Shape input) {
        return ShapeArithmetic.windowOutput(input.width(), kernel, stride, padding);
    }

    /** {@code floor((12 + 2·0 − 3) / 2) + 1 = 5}, or both dimensions' when the input is not square. */
    String explain(Shape input) {
        String height = ShapeArithmetic.explainWindow(input.height(), kernel, stride, padding);
        if (input.height() == input.width()) {
            return height;
        }
        return "height " + height + ", width " + ShapeArithmetic.explainWindow(input.width(), kernel, stride, padding);
    }

    /** The attribute that decides whether the size changes: a stride other than 1, else the padding. */
    String resizingAttribute() {
        return stride != 1 ? "stride" : "padding";
    }

    /**
     * The output's height and width, checked: an image input, and a window that fits. Reports on the
     * node's {@code kernel} otherwise.
     */
    Optional<long[]> apply(Node node, String annotation, Incoming input, Report report) {
        Shape shape = input.shape();
        if (shape.flat()) {
            report.error(Diagnostic.SPATIAL_AFTER_DENSE, node.source(), node.path(), annotation,
                    input.flattenedBy(), shape.size(), node.path());
            return Optional.empty();
        }
        long height = height(shape);
        long width = width(shape);
        if (height < 1 || width < 1) {
            boolean byHeight = height < 1;
            long in = byHeight ? shape.height() : shape.width();
            long largestKernel = Math.min(shape.height(), shape.width()) + 2L * padding;
            report.error(Diagnostic.OUTPUT_TOO_SMALL, node.attributes().source("kernel"), node.path(), annotation,
                    kernel, input.described(), byHeight ? "height" : "width",
                    ShapeArithmetic.explainWindow(in, kernel, stride, padding), largestKernel);
            return Optional.empty();
        }
        return Optional.of(new long[] {height, width});
    }
}
