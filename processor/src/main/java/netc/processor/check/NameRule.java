package netc.processor.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.SourceVersion;
import netc.processor.codegen.NameTable;
import netc.processor.codegen.NameTable.Identifier;
import netc.processor.codegen.Names;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.graph.Graph;
import netc.processor.graph.Node;

/**
 * Checks that no name the generated code derives from a network's own layer ({@code conv1},
 * {@code conv1Out}, {@code dconv1Out}) collides with any other identifier in {@link NameTable}, so the
 * generated code always compiles and every name means the one thing the writer meant. Layers inside
 * blocks need no check: their identifiers are made around every name of the table.
 *
 * <p>A collision is reported once, on the later of the two layers (or on the layer, when the other
 * name is one every model uses), with a rename that is itself free of collisions.
 */
public final class NameRule {
    private NameRule() {}

    public static void check(Graph graph, Report report) {
        List<Node> layers = graph.nodes().stream().filter(node -> node.instance() == null).toList();
        List<String> names = layers.stream().map(Node::path).toList();
        if (names.isEmpty()) {
            return;
        }
        List<Identifier> table = table(graph, names);
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            firstClash(table, index).ifPresent(clash -> {
                Node layer = layers.get(index);
                report.error(Diagnostic.NAME_CLASH, layer.source(), layer.path(), clash.own().describe(true),
                        clash.own().name(), clash.other().describe(false), rename(graph, names, index));
            });
        }
    }

    /** Two identifiers of one name where Java would confuse them. */
    private record Clash(Identifier own, Identifier other) {}

    /** The table of the network's own layers; the output's gradient, if one of them is the output, is dLogits. */
    private static List<Identifier> table(Graph graph, List<String> layerNames) {
        Node last = graph.nodes().get(graph.nodes().size() - 1);
        String output = last.instance() == null ? layerNames.get(layerNames.size() - 1) : null;
        return NameTable.of(Names.model(graph.spec()).simpleName(), Names.trainer(graph.spec()).simpleName(),
                layerNames, output);
    }

    /** The first collision of a name made from layer {@code index} with a fixed name or an earlier layer's. */
    private static Optional<Clash> firstClash(List<Identifier> table, int index) {
        for (Identifier own : table) {
            if (own.layerIndex() != index) {
                continue;
            }
            for (Identifier other : table) {
                boolean blamedHere = other.layerIndex() < index; // fixed names have index -1
                if (blamedHere && other != own && other.name().equals(own.name()) && other.in() == own.in()
                        && other.namespace() == own.namespace()) {
                    return Optional.of(new Clash(own, other));
                }
            }
        }
        return Optional.empty();
    }

    /** {@code inputLayer}, or {@code inputLayer2}, ...: the first that collides with nothing and no other layer. */
    private static String rename(Graph graph, List<String> names, int index) {
        for (int attempt = 1; ; attempt++) {
            String candidate = names.get(index) + "Layer" + (attempt == 1 ? "" : attempt);
            List<String> renamed = new ArrayList<>(names);
            renamed.set(index, candidate);
            if (!names.contains(candidate) && SourceVersion.isName(candidate)
                    && collisionFree(table(graph, renamed), index)) {
                return candidate;
            }
        }
    }

    /** Whether nothing made from layer {@code index} shares a name with any other entry (before or after it). */
    private static boolean collisionFree(List<Identifier> table, int index) {
        return table.stream().filter(own -> own.layerIndex() == index).noneMatch(own -> table.stream()
                .anyMatch(other -> other.layerIndex() != index && other.name().equals(own.name())
                        && other.in() == own.in() && other.namespace() == own.namespace()));
    }
}
