package netc.processor.graph;

import java.util.List;
import netc.processor.kind.NodeKind;
import netc.processor.model.Attributes;
import netc.processor.model.Source;

/**
 * One node of a network's graph: a layer instance (its kind and attribute values, placeholders bound),
 * or a join a block's {@code join} creates. Nodes are numbered in a topological order.
 *
 * @param path the instance path that names it everywhere: {@code conv1}, {@code b3.first.conv1},
 *     {@code dense1.net[3].bn}; a join is named after its block instance, {@code b3.first:add}
 * @param inputs the producing nodes' indices, {@link #INPUT} for the network's input and {@link #UNKNOWN}
 *     after a use that could not be expanded (already reported)
 * @param source the field's annotation (the use's, for a join), with the block instance's context
 * @param instance the innermost block instance around it; null at the network's top level
 * @param torchPath one step per nesting level, to find its tensors among PyTorch's names
 * @param optionalFor for a layer of an optional shortcut, the index of the {@code Add} that decides
 *     whether it exists; -1 otherwise
 */
public record Node(int index, String path, NodeKind kind, Attributes attributes, List<Integer> inputs,
                   Source source, BlockInstance instance, List<PathStep> torchPath, int optionalFor) {
    public static final int INPUT = -1;
    public static final int UNKNOWN = -2;

    public Node {
        inputs = List.copyOf(inputs);
        torchPath = List.copyOf(torchPath);
    }

    public Node withIndex(int index, List<Integer> inputs) {
        return new Node(index, path, kind, attributes, inputs, source, instance, torchPath, optionalFor);
    }

    Node optionalFor(int add) {
        return new Node(index, path, kind, attributes, inputs, source, instance, torchPath, add);
    }

    /** Whether some attribute still holds a placeholder: a network-level layer that wrote one (already reported). */
    public boolean hasUnboundPlaceholder() {
        return attributes.values().values().stream().anyMatch(netc.processor.model.Value::isPlaceholder);
    }
}
