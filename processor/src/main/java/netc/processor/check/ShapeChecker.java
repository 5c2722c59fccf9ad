package netc.processor.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.graph.Graph;
import netc.processor.graph.Node;
import netc.processor.kind.Incoming;
import netc.processor.kind.TensorSpec;
import netc.processor.model.NetworkPlan;
import netc.processor.model.Shape;
import netc.processor.model.ShapedNode;
import netc.processor.model.Sizes;
import netc.processor.model.Source;

/**
 * Walks the graph in order, working out each node's shape, and reports every shape that cannot work.
 * A node's attributes are always checked; its shape only when its inputs' shapes are known, so nothing
 * is said past an unknown shape (anything said there would be a guess), while independent paths go on.
 * An optional shortcut is kept only where the body changed the block input's shape.
 */
public final class ShapeChecker {
    private final Graph graph;
    private final Report report;
    private final Map<Integer, Shape> shapes = new HashMap<>();
    /** Per node with a flat output, the node that made the values flat. */
    private final Map<Integer, String> flattenedBy = new HashMap<>();
    private final Set<Integer> dropped = new HashSet<>();
    private final Set<Integer> decided = new HashSet<>();

    private ShapeChecker(Graph graph, Report report) {
        this.graph = graph;
        this.report = report;
    }

    /** The plan when every shape checks out; otherwise empty, with the reasons in {@code report}. */
    public static Optional<NetworkPlan> check(Graph graph, Report report) {
        Shape input = graph.spec().input();
        if (input.size() > Sizes.MAX_VALUES) {
            report.error(Diagnostic.SHAPE_TOO_LARGE, graph.spec().source(), graph.spec().simpleName(), "its input",
                    arithmetic(input));
            return Optional.empty();
        }
        ShapeChecker checker = new ShapeChecker(graph, report);
        graph.nodes().forEach(checker::visit);
        if (!report.isClean()) {
            return Optional.empty();
        }
        return Optional.of(PlanBuilder.build(graph, checker.shapes, checker.dropped));
    }

    private void visit(Node node) {
        if (node.optionalFor() >= 0 && dropsOptional(node)) {
            return;
        }
        if (report.hasErrorOn(node.source()) || node.hasUnboundPlaceholder()
                || !node.kind().checkAttributes(node, report)) {
            return;
        }
        List<Incoming> inputs = new ArrayList<>();
        for (int input : node.inputs()) {
            int producer = resolve(input);
            if (producer != Node.INPUT && !shapes.containsKey(producer)) {
                return; // unknown: reported upstream
            }
            inputs.add(incoming(producer, node));
        }
        node.kind().output(node, inputs, report)
                .filter(output -> fitsInTensors(node, inputs.get(0).shape(), output))
                .ifPresent(output -> {
                    shapes.put(node.index(), output);
                    if (output.flat()) {
                        Incoming first = inputs.get(0);
                        flattenedBy.put(node.index(), first.shape().flat() ? first.flattenedBy() : node.path());
                    }
                });
    }

    /**
     * Whether this layer of an optional shortcut is dropped. Decided once per {@code Add}, at its first
     * shortcut layer, when the body's output and the block's input are known: equal shapes need no projection.
     */
    private boolean dropsOptional(Node layer) {
        int add = layer.optionalFor();
        if (decided.add(add)) {
            Node sum = graph.nodes().get(add);
            Shape body = shapes.get(sum.inputs().get(0));
            int blockInput = sum.instance().input();
            Shape input = blockInput == Node.INPUT ? graph.spec().input() : shapes.get(blockInput);
            if (body == null || input == null || body.equals(input)) {
                graph.nodes().stream().filter(node -> node.optionalFor() == add)
                        .forEach(node -> dropped.add(node.index()));
            }
        }
        return dropped.contains(layer.index());
    }

    /** A dropped shortcut's last layer stands for the block's input, which the identity passes on. */
    int resolve(int producer) {
        if (producer < 0 || !dropped.contains(producer)) {
            return producer;
        }
        return graph.nodes().get(graph.nodes().get(producer).optionalFor()).instance().input();
    }

    private Incoming incoming(int producer, Node consumer) {
        if (producer == Node.INPUT) {
            return new Incoming(graph.spec().input(), null, null, null, null, null);
        }
        Node node = graph.nodes().get(producer);
        Shape shape = shapes.get(producer);
        Shape input = inputShape(node);
        String explanation = shape.flat() ? null : node.kind().explainSize(node, input).orElse(null);
        if (consumer.instance() == null) {
            // Only joins ask what resized a path or set its channels, and joins are inside blocks.
            return new Incoming(shape, node.path(), explanation, flattenedBy.get(producer), null, null);
        }
        int stop = consumer.instance().input();
        return new Incoming(shape, node.path(), explanation, flattenedBy.get(producer), resizedBy(producer, stop),
                channelsSetBy(producer, stop));
    }

    private Shape inputShape(Node node) {
        int first = resolve(node.inputs().get(0));
        return first == Node.INPUT ? graph.spec().input() : shapes.get(first);
    }

    /** The nearest node from {@code producer} back to {@code stop} whose output differs in height or width from its input. */
    private Incoming.Cause resizedBy(int producer, int stop) {
        for (int at = producer; at != stop && at != Node.INPUT; at = resolve(graph.nodes().get(at).inputs().get(0))) {
            Node node = graph.nodes().get(at);
            Shape in = inputShape(node);
            Shape out = shapes.get(at);
            if (in.height() != out.height() || in.width() != out.width() || in.flat() != out.flat()) {
                Source blame = node.kind().resizingAttribute(node).filter(node.attributes()::has)
                        .map(node.attributes()::source).orElse(node.source());
                return new Incoming.Cause(node.path(), blame, node.kind().explainSize(node, in).orElse(null));
            }
        }
        return null;
    }

    /** The nearest node back to {@code stop} with an {@code out} attribute, which set the channel count. */
    private Incoming.Cause channelsSetBy(int producer, int stop) {
        for (int at = producer; at != stop && at != Node.INPUT; at = resolve(graph.nodes().get(at).inputs().get(0))) {
            Node node = graph.nodes().get(at);
            if (node.attributes().has("out")) {
                return new Incoming.Cause(node.path(), node.attributes().source("out"), null);
            }
        }
        return null;
    }

    private boolean fitsInTensors(Node node, Shape input, Shape output) {
        Source at = node.attributes().has("out") ? node.attributes().source("out") : node.source();
        if (output.size() > Sizes.MAX_VALUES) {
            report.error(Diagnostic.SHAPE_TOO_LARGE, at, node.path(), "its output", arithmetic(output));
            return false;
        }
        long parameters = node.kind().parameters(node, input).stream().mapToLong(TensorSpec::size)
                .reduce(0, Sizes::plus);
        if (parameters > Sizes.MAX_VALUES) {
            report.error(Diagnostic.SHAPE_TOO_LARGE, at, node.path(), "its weights and biases",
                    parameters == Long.MAX_VALUE ? "more than 2⁶³" : Long.toString(parameters));
            return false;
        }
        return true;
    }

    private static String arithmetic(Shape shape) {
        long size = shape.size();
        return shape.product() + " = " + (size == Long.MAX_VALUE ? "more than 2⁶³" : Long.toString(size));
    }
}
