package netc.processor.check;

import netc.processor.model.LayerSpec;
import netc.processor.model.Shape;
import netc.processor.model.Sizes;

/**
 * What a layer costs: trainable parameters and multiply-adds per example. Pooling and dropout count
 * 0 multiply-adds: they compare or scale, and the table is about the arithmetic that dominates.
 */
public final class LayerCost {
    private LayerCost() {}

    /** Conv: {@code out·in·k·k + out}; dense: {@code in·out + out}; others 0. Saturates on overflow. */
    public static long parameters(LayerSpec layer, Shape input) {
        if (layer instanceof LayerSpec.Conv conv) {
            long perFilter = Sizes.times(input.channels(), Sizes.times(conv.kernel(), conv.kernel()));
            return Sizes.plus(Sizes.times(conv.out(), perFilter), conv.out());
        }
        if (layer instanceof LayerSpec.Dense dense) {
            return Sizes.plus(Sizes.times(input.size(), dense.out()), dense.out());
        }
        return 0;
    }

    /** Conv: {@code out·Ho·Wo·in·k·k}; dense: {@code in·out}; others 0. Saturates on overflow. */
    public static long multiplyAdds(LayerSpec layer, Shape input, Shape output) {
        if (layer instanceof LayerSpec.Conv conv) {
            long perOutput = Sizes.times(input.channels(), Sizes.times(conv.kernel(), conv.kernel()));
            return Sizes.times(output.size(), perOutput);
        }
        if (layer instanceof LayerSpec.Dense dense) {
            return Sizes.times(input.size(), dense.out());
        }
        return 0;
    }
}
