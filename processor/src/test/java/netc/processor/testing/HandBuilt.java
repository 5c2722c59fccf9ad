package netc.processor.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netc.processor.graph.Node;
import netc.processor.kind.KindRegistry;
import netc.processor.kind.LayerKind;
import netc.processor.model.Attributes;
import netc.processor.model.LayerSpec;
import netc.processor.model.Placement;
import netc.processor.model.Source;
import netc.processor.model.Value;

/** Layers, nodes and specs built by hand for unit tests, without javac: every attribute given, no sources. */
public final class HandBuilt {
    private HandBuilt() {}

    /** {@code layer("conv1", "Conv", "out", 6, "kernel", 5, ...)}: every attribute of the kind, as name-value pairs. */
    public static LayerSpec layer(String name, String annotation, Object... attributes) {
        LayerKind kind = KindRegistry.forAnnotation("netc." + annotation).orElseThrow();
        return new LayerSpec(name, kind, attributes(attributes), Placement.MAIN, Source.NONE);
    }

    /** A node of one layer reading the network input. */
    public static Node node(String annotation, Object... attributes) {
        LayerSpec layer = layer("layer", annotation, attributes);
        return new Node(0, layer.name(), layer.kind(), layer.attributes(), List.of(Node.INPUT), Source.NONE, null,
                List.of(), -1);
    }

    private static Attributes attributes(Object... pairs) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            values.put((String) pairs[i], new Value(value instanceof Enum<?> constant ? constant.name() : value,
                    Source.NONE));
        }
        return new Attributes(values);
    }
}
