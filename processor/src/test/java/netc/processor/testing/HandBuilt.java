package netc.processor.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netc.Activation;
import netc.Join;
import netc.processor.graph.Node;
import netc.processor.kind.KindRegistry;
import netc.processor.kind.LayerKind;
import netc.processor.model.Attributes;
import netc.processor.model.BlockSpec;
import netc.processor.model.LayerSpec;
import netc.processor.model.MemberSpec;
import netc.processor.model.NetworkSpec;
import netc.processor.model.Placement;
import netc.processor.model.Shape;
import netc.processor.model.Source;
import netc.processor.model.UseSpec;
import netc.processor.model.Value;

/** Layers, nodes and specs built by hand for unit tests, without javac: every attribute given, no sources. */
public final class HandBuilt {
    private HandBuilt() {}

    /** {@code layer("conv1", "Conv", "out", 6, "kernel", 5, ...)}: every attribute of the kind, as name-value pairs. */
    public static LayerSpec layer(String name, String annotation, Object... attributes) {
        LayerKind kind = KindRegistry.forAnnotation("netc." + annotation).orElseThrow();
        return new LayerSpec(name, kind, attributes(attributes), Placement.MAIN, Source.NONE);
    }

    /** The same layer in a branch of a {@code CONCAT} block, or on the shortcut of an {@code ADD} block. */
    public static LayerSpec placed(LayerSpec layer, Placement placement) {
        return new LayerSpec(layer.name(), layer.kind(), layer.attributes(), placement, layer.source());
    }

    /** {@code @Use(value = block, args = {...})}; {@code repeat} 0 means "not written" (one copy). */
    public static UseSpec use(String name, String block, int repeat, int... args) {
        List<Value> values = java.util.Arrays.stream(args).mapToObj(arg -> new Value(arg, Source.NONE)).toList();
        return new UseSpec(name, block, values, new Value(Math.max(repeat, 1), Source.NONE), repeat > 0,
                Placement.MAIN, Source.NONE);
    }

    /** A block of these members; its arity counts the placeholders its members mention. */
    public static BlockSpec block(String name, Join join, Activation activation, int arity, MemberSpec... members) {
        return new BlockSpec("test." + name, name, join, activation, List.of(members), arity, Map.of(), true,
                Source.NONE);
    }

    /** A network of 1×8×8 (or {@code input}) examples with these members and blocks. */
    public static NetworkSpec network(Shape input, List<MemberSpec> members, BlockSpec... blocks) {
        Map<String, BlockSpec> byName = new LinkedHashMap<>();
        for (BlockSpec block : blocks) {
            byName.put(block.qualifiedName(), block);
        }
        return new NetworkSpec("test", "Net", "test.Net", "Net", input, members, byName, Source.NONE);
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
