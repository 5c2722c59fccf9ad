package netc.processor.codegen;

import java.util.Locale;
import netc.Activation;
import netc.processor.model.LayerSpec;

/** How a layer is written in shape tables, summaries and the shape hash: {@code Conv(96, k11, s4, p1, RELU)}. */
public final class LayerText {
    private LayerText() {}

    public static String kind(LayerSpec layer) {
        if (layer instanceof LayerSpec.Conv conv) {
            return "Conv(" + conv.out() + ", k" + conv.kernel() + ", s" + conv.stride() + ", p" + conv.padding()
                    + activation(conv.activation()) + ")";
        }
        if (layer instanceof LayerSpec.Pool pool) {
            return pool.kind().annotation() + "(k" + pool.kernel() + ", s" + pool.effectiveStride()
                    + ", p" + pool.padding() + ")";
        }
        if (layer instanceof LayerSpec.Dense dense) {
            return "Dense(" + dense.out() + activation(dense.activation()) + ")";
        }
        return "Dropout(" + ((LayerSpec.Dropout) layer).p() + ")";
    }

    private static String activation(Activation activation) {
        return activation == Activation.NONE ? "" : ", " + activation;
    }

    /** {@code 46,764,746}. */
    public static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 0.94 G}, {@code 0.42 M}: the order of magnitude at a glance. */
    public static String approximate(long value) {
        if (value >= 100_000_000L) {
            return String.format(Locale.ROOT, "%.2f G", value / 1e9);
        }
        if (value >= 100_000L) {
            return String.format(Locale.ROOT, "%.2f M", value / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f k", value / 1e3);
    }
}
