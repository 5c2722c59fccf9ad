package netc.processor.model;

/**
 * A layer with the shapes the checker worked out for it and what it costs.
 *
 * @param index the layer's position, 0-based
 * @param parameters trainable values (weights and biases)
 * @param multiplyAdds multiply-adds for one example's forward pass
 */
public record ShapedLayer(int index, LayerSpec spec, Shape input, Shape output, long parameters, long multiplyAdds) {

    public String name() {
        return spec.name();
    }
}
