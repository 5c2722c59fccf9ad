package netc.processor.model;

import java.util.List;

/** A network whose every shape checked out: the spec and its nodes, in topological order, with their shapes. */
public record NetworkPlan(NetworkSpec spec, List<ShapedNode> nodes) {

    public NetworkPlan {
        nodes = List.copyOf(nodes);
    }

    /** The output node, whose output is the logits. */
    public ShapedNode last() {
        return nodes.get(nodes.size() - 1);
    }

    public ShapedNode node(int index) {
        return nodes.get(index);
    }

    public long parameters() {
        return nodes.stream().mapToLong(ShapedNode::parameterCount).reduce(0, Sizes::plus);
    }

    public long multiplyAdds() {
        return nodes.stream().mapToLong(ShapedNode::multiplyAdds).reduce(0, Sizes::plus);
    }

    /** Whether every node reads the one before it (LeNet, AlexNet): then tables need no input column. */
    public boolean isChain() {
        return nodes.stream().allMatch(node -> node.node().inputs().equals(List.of(node.index() - 1)));
    }
}
