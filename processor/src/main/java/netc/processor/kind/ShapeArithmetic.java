package netc.processor.check;

import netc.processor.model.LayerSpec;
import netc.processor.model.Shape;

/**
 * The one place that knows how a layer changes a shape. Every other class asks here, so a slip (say,
 * the height's padding applied to the width) can only happen once, and its tests catch it.
 */
public final class ShapeArithmetic {
    private ShapeArithmetic() {}

    /**
     * One spatial dimension through a window: {@code floor((in + 2·padding − kernel) / stride) + 1}.
     * Below 1 when the kernel is larger than the padded input. Inputs are the checked annotation
     * values, so {@code stride ≥ 1}; {@code long} keeps absurd sizes from wrapping around.
     */
    public static long windowOutput(long in, long kernel, long stride, long padding) {
        return Math.floorDiv(in + 2 * padding - kernel, stride) + 1;
    }

    /** The same rule with its numbers filled in, for diagnostics: {@code floor((12 + 2·0 − 3) / 2) + 1 = 5}. */
    public static String explainWindow(long in, long kernel, long stride, long padding) {
        return "floor((" + in + " + 2·" + padding + " − " + kernel + ") / " + stride + ") + 1 = "
                + windowOutput(in, kernel, stride, padding);
    }

    /** The shape {@code layer} yields from {@code input}; spatial sizes may come out below 1 (checked by the caller). */
    public static Shape output(LayerSpec layer, Shape input) {
        // Java 17 has no pattern switch; the sealed LayerSpec keeps this chain exhaustive in spirit.
        if (layer instanceof LayerSpec.Conv conv) {
            return Shape.image(conv.out(),
                    windowOutput(input.height(), conv.kernel(), conv.stride(), conv.padding()),
                    windowOutput(input.width(), conv.kernel(), conv.stride(), conv.padding()));
        }
        if (layer instanceof LayerSpec.Pool pool) {
            return Shape.image(input.channels(),
                    windowOutput(input.height(), pool.kernel(), pool.effectiveStride(), pool.padding()),
                    windowOutput(input.width(), pool.kernel(), pool.effectiveStride(), pool.padding()));
        }
        if (layer instanceof LayerSpec.Dense dense) {
            return Shape.features(dense.out());
        }
        return input; // Dropout keeps the shape.
    }
}
