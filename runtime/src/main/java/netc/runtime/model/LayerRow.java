package netc.runtime.model;

import java.util.List;
import java.util.Objects;

/**
 * One row of a network's shape table, as the processor worked it out at compile time: a layer, or a
 * block's join ({@code b3.first:add}).
 *
 * @param name the layer's path, {@code conv1} or {@code b3.first.conv1}
 * @param kind what the layer is, e.g. {@code Conv(96, k11, s4, p1, RELU)}
 * @param outputShape one example's output shape, e.g. {@code [96, 54, 54]}
 * @param parameters trainable values
 * @param multiplyAdds multiply-adds for one example's forward pass
 * @param inputs the rows it reads, in order ({@link #NETWORK_INPUT} for the network's input); empty in a
 *     table built by hand, where each row reads the one above
 * @param torchPath its place in PyTorch's module tree, one step per nesting level; empty for a join
 * @param opMemory what the layer's op allocates, as the op itself works it out from the shapes the generated
 *     code constructs it with; {@link OpMemory#NONE} for a layer whose op owns nothing
 */
public record LayerRow(String name, String kind, List<Integer> outputShape, long parameters, long multiplyAdds,
                       List<Integer> inputs, List<TorchStep> torchPath, OpMemory opMemory) {
    /** The index {@link #inputs()} gives the network's own input. */
    public static final int NETWORK_INPUT = -1;

    public LayerRow {
        outputShape = List.copyOf(outputShape);
        inputs = List.copyOf(inputs);
        torchPath = List.copyOf(torchPath);
        Objects.requireNonNull(opMemory, "opMemory");
    }

    /** A row whose op owns no device memory (or that has no op). */
    public LayerRow(String name, String kind, List<Integer> outputShape, long parameters, long multiplyAdds,
                    List<Integer> inputs, List<TorchStep> torchPath) {
        this(name, kind, outputShape, parameters, multiplyAdds, inputs, torchPath, OpMemory.NONE);
    }

    /** A row of a chain without a PyTorch path, for tables built by hand, whose op allocates {@code opMemory}. */
    public LayerRow(String name, String kind, List<Integer> outputShape, long parameters, long multiplyAdds,
                    OpMemory opMemory) {
        this(name, kind, outputShape, parameters, multiplyAdds, List.of(), List.of(), opMemory);
    }

    /** A row of a chain without a PyTorch path whose op owns no device memory, for tables built by hand. */
    public LayerRow(String name, String kind, List<Integer> outputShape, long parameters, long multiplyAdds) {
        this(name, kind, outputShape, parameters, multiplyAdds, OpMemory.NONE);
    }
}
