package netc.processor.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.graph.Graph;
import netc.processor.graph.Node;
import netc.processor.kind.KindRegistry;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedNode;

/**
 * Every identifier the generated model uses, in one table: its own members and parameters, the types it
 * names, and per node the op ({@code conv1}), its output ({@code conv1Out}) and that output's gradient
 * ({@code dconv1Out}). A network's own layer keeps its field's name, and a clash there is the user's to
 * resolve ({@code NameClash}, on the field). A node inside a block is named after its instance path with
 * {@code _} for every separator ({@code b3.first.conv1} → {@code b3_first_conv1}, {@code dense1.net[3].bn}
 * → {@code dense1_net_3_bn}), and where that is taken a number is appended, so those never clash.
 */
public final class NameTable {
    /** Workspace fields are {@code gradientA}, {@code gradientB}, ...: the whole pattern is the model's. */
    private static final Pattern WORKSPACE = Pattern.compile("gradient[A-Z][0-9]*");

    private NameTable() {}

    /** Reports every network-level layer whose name, or a name derived from it, is taken. */
    public static void check(Graph graph, Report report) {
        assign(graph.nodes(), report);
    }

    /** Node index → the identifier of its op; its output is that {@code + "Out"}, its gradient {@code "d" +} that. */
    public static Map<Integer, String> identifiers(NetworkPlan plan) {
        return assign(plan.nodes().stream().map(ShapedNode::node).toList(), null);
    }

    private static Map<Integer, String> assign(List<Node> nodes, Report report) {
        Map<String, String> taken = new HashMap<>(reserved());
        Map<Integer, String> identifiers = new LinkedHashMap<>();
        List<Node> network = nodes.stream().filter(node -> node.instance() == null).toList();
        for (Node node : network) {
            taken.putIfAbsent(node.path() + "Out", node.path() + "'s output");
            taken.putIfAbsent("d" + node.path() + "Out", node.path() + "'s output gradient");
        }
        for (Node node : network) {
            String use = WORKSPACE.matcher(node.path()).matches() ? "a gradient workspace" : taken.get(node.path());
            if (use != null && report != null) {
                report.error(Diagnostic.NAME_CLASH, node.source(), node.path(), node.path(), use);
            }
            identifiers.put(node.index(), node.path());
        }
        network.forEach(node -> taken.putIfAbsent(node.path(), node.path() + "'s op"));
        for (Node node : nodes) {
            if (node.instance() != null) {
                String base = sanitise(node.path());
                String identifier = base;
                for (int n = 2; isTaken(identifier, taken); n++) {
                    identifier = base + "_" + n;
                }
                taken.put(identifier, node.path() + "'s op");
                taken.put(identifier + "Out", node.path() + "'s output");
                taken.put("d" + identifier + "Out", node.path() + "'s output gradient");
                identifiers.put(node.index(), identifier);
            }
        }
        return identifiers;
    }

    private static boolean isTaken(String identifier, Map<String, String> taken) {
        return taken.containsKey(identifier) || taken.containsKey(identifier + "Out")
                || taken.containsKey("d" + identifier + "Out") || WORKSPACE.matcher(identifier).matches();
    }

    /**
     * {@code b3.first.conv1} → {@code b3_first_conv1}, {@code dense1.net[3].bn} → {@code dense1_net_3_bn}; a
     * join's suffix is capitalised instead, {@code b3.first:relu} → {@code b3_firstRelu}, so that it never
     * meets a field of the block ({@code b3.first.relu} → {@code b3_first_relu}).
     */
    static String sanitise(String path) {
        int join = path.indexOf(':');
        String instance = String.join("_", List.of((join < 0 ? path : path.substring(0, join)).split("[.\\[\\]]+")));
        if (join < 0) {
            return instance;
        }
        String suffix = path.substring(join + 1);
        return instance + Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1);
    }

    /** What the model's own code calls things; the types because a field of the same name would obscure them. */
    private static Map<String, String> reserved() {
        Map<String, String> reserved = new HashMap<>();
        reserved.put("input", "its input tensor");
        reserved.put("device", "the constructor's parameter");
        reserved.put("batchSize", "the constructor's parameter");
        reserved.put("mode", "forward's parameter");
        reserved.put("dLogits", "backward's parameter");
        reserved.put("INFO", "its NetworkInfo constant");
        reserved.put("FACTORY", "its ModelFactory constant");
        reserved.put("arithmetic", "its TensorArithmetic, which adds gradients");
        for (String type : List.of("Activation", "List", "Arrays", "Tensor", "Device", "CompiledModel", "NetworkInfo",
                "LayerRow", "TensorInfo", "TorchStep", "ModelFactory", "Parameter", "StateTensor", "Mode",
                "TensorArithmetic", "Generated", "Override", "String", "Object")) {
            reserved.put(type, "the " + type + " type");
        }
        KindRegistry.opTypes().forEach(type -> reserved.put(type.simpleName(), "the " + type.simpleName() + " type"));
        return reserved;
    }
}
