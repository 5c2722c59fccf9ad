package netc.processor.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.model.LayerSpec;
import netc.processor.model.NetworkPlan;
import netc.processor.model.NetworkSpec;
import netc.processor.model.Shape;
import netc.processor.model.ShapedLayer;
import netc.processor.model.Sizes;

/**
 * Walks the layers in order, working out each one's shape and cost, and reports every shape that
 * cannot work. It stops at the first layer whose output is unknown (a bad attribute, an image layer
 * after the flattening, a window that does not fit): anything said past it would be a guess.
 */
public final class ShapeChecker {
    private ShapeChecker() {}

    /** The plan when every shape checks out; otherwise empty, with the reasons in {@code report}. */
    public static Optional<NetworkPlan> check(NetworkSpec spec, Report report) {
        Shape shape = spec.input();
        if (shape.size() > Sizes.MAX_VALUES) {
            report.error(Diagnostic.SHAPE_TOO_LARGE, spec.source(), spec.simpleName(), "its input",
                    arithmetic(shape));
            return Optional.empty();
        }
        List<ShapedLayer> shaped = new ArrayList<>();
        String flattenedBy = null;
        for (LayerSpec layer : spec.layers()) {
            if (report.hasErrorOn(layer.source())) {
                break;
            }
            ShapedLayer previous = shaped.isEmpty() ? null : shaped.get(shaped.size() - 1);
            boolean spatial = layer instanceof LayerSpec.Conv || layer instanceof LayerSpec.Pool;
            if (spatial && flattenedBy != null) {
                report.error(Diagnostic.SPATIAL_AFTER_DENSE, layer.source(), layer.name(), annotationName(layer),
                        flattenedBy, shape.size(), layer.name());
                break;
            }
            Shape output = ShapeArithmetic.output(layer, shape);
            if (spatial && (output.height() < 1 || output.width() < 1)) {
                reportTooSmall(layer, shape, output, previous, report);
                break;
            }
            if (layer instanceof LayerSpec.Dense dense) {
                checkDenseInput(dense, shape, previous, report);
                flattenedBy = dense.name();
            }
            ShapedLayer row = new ShapedLayer(shaped.size(), layer, shape, output,
                    LayerCost.parameters(layer, shape), LayerCost.multiplyAdds(layer, shape, output));
            if (!fitsInTensors(row, report)) {
                break;
            }
            shaped.add(row);
            shape = output;
        }
        return report.isClean() ? Optional.of(new NetworkPlan(spec, shaped)) : Optional.empty();
    }

    private static void checkDenseInput(LayerSpec.Dense dense, Shape input, ShapedLayer previous, Report report) {
        if (dense.in() == netc.Dense.INFERRED || dense.in() == input.size()) {
            return;
        }
        String values = input.flat() ? Long.toString(input.size()) : input.product() + " = " + input.size();
        report.error(Diagnostic.DENSE_INPUT_MISMATCH, dense.source().at("in"), dense.name(), dense.in(),
                origin(previous), values, howSpatialSizeArose(previous), input.size());
    }

    /** {@code " (pool3: floor((12 + 2·0 − 3) / 2) + 1 = 5)"} when the previous layer is a window; else "". */
    private static String howSpatialSizeArose(ShapedLayer previous) {
        if (previous == null || previous.output().flat()) {
            return "";
        }
        Window window = Window.of(previous.spec());
        if (window == null) {
            return "";
        }
        Shape in = previous.input();
        String height = ShapeArithmetic.explainWindow(in.height(), window.kernel(), window.stride(), window.padding());
        if (in.height() == in.width()) {
            return " (" + previous.name() + ": " + height + ")";
        }
        String width = ShapeArithmetic.explainWindow(in.width(), window.kernel(), window.stride(), window.padding());
        return " (" + previous.name() + ": height " + height + ", width " + width + ")";
    }

    private static void reportTooSmall(LayerSpec layer, Shape input, Shape output, ShapedLayer previous, Report report) {
        Window window = Window.of(layer);
        boolean height = output.height() < 1;
        long in = height ? input.height() : input.width();
        String formula = ShapeArithmetic.explainWindow(in, window.kernel(), window.stride(), window.padding());
        long largestKernel = Math.min(input.height(), input.width()) + 2L * window.padding();
        report.error(Diagnostic.OUTPUT_TOO_SMALL, layer.source().at("kernel"), layer.name(), annotationName(layer),
                window.kernel(), previous == null ? "the " + input.product() + " network input"
                        : "the " + input.product() + " output of " + previous.name(),
                height ? "height" : "width", formula,
                largestKernel);
    }

    private static boolean fitsInTensors(ShapedLayer row, Report report) {
        LayerSpec layer = row.spec();
        if (row.output().size() > Sizes.MAX_VALUES) {
            report.error(Diagnostic.SHAPE_TOO_LARGE, layer.source().at("out"), layer.name(), "its output",
                    arithmetic(row.output()));
            return false;
        }
        long parameters = row.parameters();
        if (parameters > Sizes.MAX_VALUES) {
            report.error(Diagnostic.SHAPE_TOO_LARGE, layer.source().at("out"), layer.name(), "its weights and biases",
                    parameters == Long.MAX_VALUE ? "more than 2⁶³" : Long.toString(parameters));
            return false;
        }
        return true;
    }

    private static String arithmetic(Shape shape) {
        long size = shape.size();
        return shape.product() + " = " + (size == Long.MAX_VALUE ? "more than 2⁶³" : Long.toString(size));
    }

    private static String origin(ShapedLayer previous) {
        return previous == null ? "the input" : previous.name();
    }

    static String annotationName(LayerSpec layer) {
        if (layer instanceof LayerSpec.Conv) {
            return "Conv";
        }
        if (layer instanceof LayerSpec.Pool pool) {
            return pool.kind().annotation();
        }
        return layer instanceof LayerSpec.Dense ? "Dense" : "Dropout";
    }

    /** The window parameters shared by convolution and pooling. */
    private record Window(int kernel, int stride, int padding) {
        static Window of(LayerSpec layer) {
            if (layer instanceof LayerSpec.Conv conv) {
                return new Window(conv.kernel(), conv.stride(), conv.padding());
            }
            if (layer instanceof LayerSpec.Pool pool) {
                return new Window(pool.kernel(), pool.effectiveStride(), pool.padding());
            }
            return null;
        }
    }
}
