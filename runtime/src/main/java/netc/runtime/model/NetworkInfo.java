package netc.runtime.model;

import java.util.List;

/**
 * What the compiler knew about a network: its name, input, classes, shape table and a hash of its
 * architecture (a checkpoint of another network is refused by comparing it).
 *
 * @param name the network class's simple name
 * @param networkClass the network class's qualified name
 * @param channels one example's input channels
 * @param height one example's input height
 * @param width one example's input width
 * @param outputs the width of the last layer (the number of classes)
 * @param layers the shape table, one row per layer
 * @param shapeHash a hex digest of the layer sequence and every shape
 * @param summary the shape table as text, as {@code summary()} shows it
 */
public record NetworkInfo(
        String name,
        String networkClass,
        int channels,
        int height,
        int width,
        int outputs,
        List<LayerRow> layers,
        String shapeHash,
        String summary) {

    public long parameterCount() {
        return layers.stream().mapToLong(LayerRow::parameters).sum();
    }

    public long multiplyAdds() {
        return layers.stream().mapToLong(LayerRow::multiplyAdds).sum();
    }

    public int inputSize() {
        return channels * height * width;
    }
}
