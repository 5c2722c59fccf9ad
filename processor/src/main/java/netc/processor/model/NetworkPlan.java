package netc.processor.model;

import java.util.List;

/** A network whose every shape checked out: the spec plus one {@link ShapedLayer} per layer. */
public record NetworkPlan(NetworkSpec spec, List<ShapedLayer> layers) {

    public NetworkPlan {
        layers = List.copyOf(layers);
    }

    public ShapedLayer last() {
        return layers.get(layers.size() - 1);
    }

    public long parameters() {
        return layers.stream().mapToLong(ShapedLayer::parameters).reduce(0, Sizes::plus);
    }

    public long multiplyAdds() {
        return layers.stream().mapToLong(ShapedLayer::multiplyAdds).reduce(0, Sizes::plus);
    }
}
