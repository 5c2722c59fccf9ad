package netc.processor.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netc.processor.graph.Graph;
import netc.processor.graph.Node;
import netc.processor.model.NetworkPlan;
import netc.processor.model.Shape;
import netc.processor.model.ShapedNode;
import netc.processor.model.TorchStep;

/**
 * Turns a checked graph into its {@link NetworkPlan}: dropped optional shortcuts removed (their
 * {@code Add} then reads the block's input), nodes renumbered, and each node's tensors, cost and
 * PyTorch path filled in.
 */
final class PlanBuilder {
    private PlanBuilder() {}

    static NetworkPlan build(Graph graph, Map<Integer, Shape> shapes, Set<Integer> dropped) {
        Map<Integer, Integer> renumbered = new HashMap<>();
        List<Node> kept = new ArrayList<>();
        List<Shape> outputs = new ArrayList<>();
        for (Node node : graph.nodes()) {
            if (!dropped.contains(node.index())) {
                List<Integer> inputs = node.inputs().stream()
                        .map(input -> renumbered.getOrDefault(skipDropped(graph, dropped, input), Node.INPUT))
                        .toList();
                renumbered.put(node.index(), kept.size());
                kept.add(node.withIndex(kept.size(), inputs));
                outputs.add(shapes.get(node.index()));
            }
        }
        List<List<Shape>> inputShapes = new ArrayList<>();
        for (Node node : kept) {
            inputShapes.add(node.inputs().stream()
                    .map(input -> input == Node.INPUT ? graph.spec().input() : outputs.get(input)).toList());
        }
        List<List<TorchStep>> paths = TorchPaths.resolve(graph.scopes(), kept, inputShapes);
        List<ShapedNode> nodes = new ArrayList<>();
        for (Node node : kept) {
            Shape input = inputShapes.get(node.index()).get(0);
            Shape output = outputs.get(node.index());
            nodes.add(new ShapedNode(node, inputShapes.get(node.index()), output, node.kind().parameters(node, input),
                    node.kind().buffers(node, input), node.kind().multiplyAdds(node, input, output),
                    paths.get(node.index())));
        }
        return new NetworkPlan(graph.spec(), nodes);
    }

    /** A dropped shortcut layer's output is, for its reader, the block's input. */
    private static int skipDropped(Graph graph, Set<Integer> dropped, int input) {
        if (input < 0 || !dropped.contains(input)) {
            return input;
        }
        return graph.nodes().get(graph.nodes().get(input).optionalFor()).instance().input();
    }
}
