package netc.processor.model;

import java.util.List;

/**
 * One example's shape between two layers: {@code channels × height × width} while the network is
 * still spatial, or {@code features} values once a dense layer has flattened it.
 *
 * <p>Sizes are {@code long} so that absurd networks are reported, never wrapped around.
 */
public record Shape(long channels, long height, long width, boolean flat) {

    public static Shape image(long channels, long height, long width) {
        return new Shape(channels, height, width, false);
    }

    public static Shape features(long features) {
        return new Shape(features, 1, 1, true);
    }

    /** Values per example, saturating at {@link Long#MAX_VALUE}. */
    public long size() {
        return Sizes.times(Sizes.times(channels, height), width);
    }

    /** The per-example dimensions, as {@code [C, H, W]} or {@code [F]}. */
    public List<Long> dimensions() {
        return flat ? List.of(channels) : List.of(channels, height, width);
    }

    /** {@code 256×5×5} or {@code 4096}: how diagnostics write a shape. */
    public String product() {
        return flat ? Long.toString(channels) : channels + "×" + height + "×" + width;
    }

    /** {@code (N, 96, 54, 54)}: how the generated code and the summary write a batch of this shape. */
    public String batched() {
        StringBuilder text = new StringBuilder("(N");
        dimensions().forEach(dimension -> text.append(", ").append(dimension));
        return text.append(')').toString();
    }
}
