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
import netc.processor.model.LayerSpec;
import netc.processor.model.NetworkSpec;

/**
 * Checks that no name the generated code derives from a layer ({@code conv1}, {@code conv1Out},
 * {@code dconv1Out}) collides with any other identifier in {@link NameTable}, so the generated code
 * always compiles and every name means the one thing the writer meant.
 *
 * <p>A collision is reported once, on the later of the two layers (or on the layer, when the other
 * name is one every model uses), with a rename that is itself free of collisions.
 */
public final class NameRule {
    private NameRule() {}

    public static void check(NetworkSpec spec, Report report) {
        List<String> names = spec.layers().stream().map(LayerSpec::name).toList();
        List<Identifier> table = table(spec, names);
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            firstClash(table, index).ifPresent(clash -> {
                LayerSpec layer = spec.layers().get(index);
                report.error(Diagnostic.NAME_CLASH, layer.source(), layer.name(), clash.own().describe(true),
                        clash.own().name(), clash.other().describe(false), rename(spec, names, index));
            });
        }
    }

    /** Two identifiers of one name where Java would confuse them. */
    private record Clash(Identifier own, Identifier other) {}

    private static List<Identifier> table(NetworkSpec spec, List<String> layerNames) {
        return NameTable.of(Names.model(spec).simpleName(), Names.trainer(spec).simpleName(), layerNames);
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
    private static String rename(NetworkSpec spec, List<String> names, int index) {
        for (int attempt = 1; ; attempt++) {
            String candidate = names.get(index) + "Layer" + (attempt == 1 ? "" : attempt);
            List<String> renamed = new ArrayList<>(names);
            renamed.set(index, candidate);
            if (!names.contains(candidate) && SourceVersion.isName(candidate)
                    && collisionFree(table(spec, renamed), index)) {
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
