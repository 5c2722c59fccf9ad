package netc.runtime.model;

import java.util.List;

/**
 * One row of a network's shape table, as the processor worked it out at compile time.
 *
 * @param name the layer field's name
 * @param kind what the layer is, e.g. {@code Conv(96, k11, s4, p1, RELU)}
 * @param outputShape one example's output shape, e.g. {@code [96, 54, 54]}
 * @param parameters trainable values
 * @param multiplyAdds multiply-adds for one example's forward pass
 */
public record LayerRow(String name, String kind, List<Integer> outputShape, long parameters, long multiplyAdds) {}
