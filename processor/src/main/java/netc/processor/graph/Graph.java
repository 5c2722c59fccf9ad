package netc.processor.graph;

import java.util.List;
import netc.processor.model.NetworkSpec;

/** A network with its blocks expanded: nodes in a topological order (the last is the output) and the scopes of their PyTorch paths. */
public record Graph(NetworkSpec spec, List<Node> nodes, List<Scope> scopes) {

    public Graph {
        nodes = List.copyOf(nodes);
        scopes = List.copyOf(scopes);
    }
}
