package netc.processor.codegen;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netc.processor.codegen.NameTable.GeneratedClass;
import netc.processor.codegen.NameTable.Identifier;
import netc.processor.codegen.NameTable.Namespace;
import netc.processor.graph.Node;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedNode;

/**
 * The generated model's node identifiers. A network's own layer keeps its field's name (its clashes are
 * the {@link netc.processor.check.NameRule}'s to report). A node inside a block is named after its
 * instance path with {@code _} for every separator ({@code b3.first.conv1} → {@code b3_first_conv1},
 * {@code dense1.net[3].bn} → {@code dense1_net_3_bn}) and a join's suffix capitalised
 * ({@code b3.first:add} → {@code b3_firstAdd}); where that, its output's or its gradient's name is taken
 * in the {@link NameTable}, a number is appended, so those never clash.
 */
public final class Identifiers {
    private final NetworkPlan plan;
    private final Map<Integer, String> names = new HashMap<>();
    private final InPlace inPlace;
    private final ActivationFusion activationFusion;
    private final AvgPoolFusion avgPoolFusion;
    private final ReluPooling reluPooling;

    Identifiers(NetworkPlan plan) {
        this.plan = plan;
        this.inPlace = InPlace.of(plan);
        this.activationFusion = ActivationFusion.of(plan, inPlace);
        this.avgPoolFusion = AvgPoolFusion.of(plan);
        this.reluPooling = ReluPooling.of(plan);
        List<String> network = plan.nodes().stream().filter(node -> node.node().instance() == null)
                .map(ShapedNode::path).toList();
        String output = plan.last().node().instance() == null ? plan.last().path() : null;
        Set<String> taken = new HashSet<>();
        for (Identifier identifier : NameTable.of(Names.model(plan.spec()).simpleName(),
                Names.trainer(plan.spec()).simpleName(), network, output)) {
            if (identifier.in() == GeneratedClass.MODEL && identifier.namespace() == Namespace.VARIABLE) {
                taken.add(identifier.name());
            }
        }
        for (ShapedNode node : plan.nodes()) {
            if (node.node().instance() == null) {
                names.put(node.index(), node.path());
                continue;
            }
            String base = sanitise(node.path());
            String identifier = base;
            for (int n = 2; taken.contains(Names.op(identifier)) || taken.contains(Names.output(identifier))
                    || taken.contains(Names.gradient(identifier)); n++) {
                identifier = base + "_" + n;
            }
            taken.add(Names.op(identifier));
            taken.add(Names.output(identifier));
            taken.add(Names.gradient(identifier));
            names.put(node.index(), identifier);
        }
    }

    /**
     * {@code b3.first.conv1} → {@code b3_first_conv1}, {@code dense1.net[3].bn} → {@code dense1_net_3_bn}; a
     * join's suffix is capitalised instead, {@code b3.first:relu} → {@code b3_firstRelu}, so that it never
     * meets a field of the block ({@code b3.first.relu} → {@code b3_first_relu}).
     */
    public static String sanitise(String path) {
        int join = path.indexOf(':');
        String instance = String.join("_", List.of((join < 0 ? path : path.substring(0, join)).split("[.\\[\\]]+")));
        if (join < 0) {
            return instance;
        }
        String suffix = path.substring(join + 1);
        return instance + Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1);
    }

    /** The network these are the identifiers of. */
    NetworkPlan plan() {
        return plan;
    }

    String op(ShapedNode node) {
        return Names.op(names.get(node.index()));
    }

    /** The field holding the node's output, which is its input's for a flatten and a layer run in place. */
    String output(int index) {
        if (index == Node.INPUT) {
            return Names.INPUT;
        }
        return outputIsInputTensor(index) ? output(plan.node(index).node().inputs().get(0))
                : Names.output(names.get(index));
    }

    /**
     * Whether the node's output is its input's tensor: read differently (a flatten) or written over it
     * ({@link InPlace}); such a node has no output field of its own.
     */
    boolean outputIsInputTensor(int index) {
        return plan.node(index).node().kind().outputIsInput() || inPlace.writesOverInput(index);
    }

    /**
     * Whether the model constructs an op for the node: not for a flatten, nor for an average pool or an activation
     * that the layer before computes in its own calls.
     */
    boolean hasOp(ShapedNode node) {
        return !node.node().kind().outputIsInput() && !avgPoolFusion.isFusedPool(node.index())
                && !activationFusion.isFusedActivation(node.index());
    }

    /** Whether the node writes its output over its input ({@link InPlace}). */
    boolean writesOverInput(int index) {
        return inPlace.writesOverInput(index);
    }

    /** The layers that write their output over their input, in node order. */
    List<ShapedNode> layersWrittenOverInput() {
        return plan.nodes().stream().filter(node -> inPlace.writesOverInput(node.index())).toList();
    }

    /** The batch norms that apply the activation after them, worked out once with the in-place layers. */
    ActivationFusion activationFusion() {
        return activationFusion;
    }

    /** The convolutions that compute the average pool after them, worked out once. */
    AvgPoolFusion avgPoolFusion() {
        return avgPoolFusion;
    }

    /** The layers whose ReLU the max pool after them differentiates, worked out once. */
    ReluPooling reluPooling() {
        return reluPooling;
    }

    /** The local variable holding the gradient of the node's output; {@code dLogits} for the last node's. */
    String gradient(int index) {
        return index == plan.last().index() ? Names.D_LOGITS : Names.gradient(names.get(index));
    }
}
