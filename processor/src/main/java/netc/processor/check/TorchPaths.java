package netc.processor.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netc.processor.graph.Node;
import netc.processor.graph.PathStep;
import netc.processor.graph.Scope;
import netc.processor.kind.TorchSlots;
import netc.processor.model.Shape;
import netc.processor.model.TorchStep;

/**
 * Works out each node's PyTorch path: per nesting level, the field's slot, its number among the entries
 * PyTorch's {@code nn.Sequential} of that class would have. A layer field counts as many entries as its
 * kind says (a fused activation is one more, a dense layer on an image one more for its Flatten), a
 * {@code @Use} one (its block, or the {@code nn.Sequential} of its copies), a dropped optional layer none.
 */
final class TorchPaths {
    private TorchPaths() {}

    /** Per node (in plan order), its steps; empty for a join, which owns no tensors. */
    static List<List<TorchStep>> resolve(List<Scope> scopes, List<Node> nodes, List<List<Shape>> inputs) {
        Map<Long, TorchSlots> layers = new HashMap<>();
        for (Node node : nodes) {
            if (!node.torchPath().isEmpty()) {
                PathStep own = node.torchPath().get(node.torchPath().size() - 1);
                layers.put(key(own.scope(), own.field()),
                        node.kind().torchSlots(node, inputs.get(node.index()).get(0)));
            }
        }
        Map<Long, Integer> slots = new HashMap<>();
        for (Scope scope : scopes) {
            int next = 0;
            for (int field = 0; field < scope.uses().size(); field++) {
                long key = key(scope.id(), field);
                if (scope.uses().get(field)) {
                    slots.put(key, next++);
                } else if (layers.containsKey(key)) {
                    TorchSlots layer = layers.get(key);
                    slots.put(key, next + layer.offset());
                    next += layer.count();
                }
            }
        }
        List<List<TorchStep>> paths = new ArrayList<>();
        for (Node node : nodes) {
            paths.add(node.torchPath().stream()
                    .map(step -> new TorchStep(step.name(), slots.get(key(step.scope(), step.field())),
                            step.repetition()))
                    .toList());
        }
        return paths;
    }

    private static long key(int scope, int field) {
        return ((long) scope << 32) | field;
    }
}
