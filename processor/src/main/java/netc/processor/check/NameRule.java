package netc.processor.check;

import java.util.HashMap;
import java.util.Map;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.model.LayerSpec;
import netc.processor.model.NetworkSpec;

/**
 * Checks that the names the generated model derives from layer names ({@code conv1}, {@code conv1Out},
 * {@code dconv1Out}) clash neither with each other nor with the model's own members, so that the
 * generated code always compiles and reads unchanged.
 */
public final class NameRule {
    /** Names the generated model uses itself, with what for; types are here because a field would obscure them. */
    private static final Map<String, String> RESERVED = Map.of(
            "input", "its input tensor",
            "mode", "forward's parameter",
            "dLogits", "backward's parameter",
            "gradientA", "a gradient workspace",
            "gradientB", "a gradient workspace",
            "INFO", "its NetworkInfo constant",
            "FACTORY", "its ModelFactory constant",
            "Activation", "the netc.Activation type",
            "List", "the java.util.List type");

    private NameRule() {}

    public static void check(NetworkSpec spec, Report report) {
        Map<String, String> taken = new HashMap<>(RESERVED);
        for (LayerSpec layer : spec.layers()) {
            taken.putIfAbsent(layer.name() + "Out", layer.name() + "'s output");
            taken.putIfAbsent("d" + layer.name() + "Out", layer.name() + "'s output gradient");
        }
        for (LayerSpec layer : spec.layers()) {
            String use = taken.get(layer.name());
            if (use != null) {
                report.error(Diagnostic.NAME_CLASH, layer.source(), layer.name(), layer.name(), use);
            }
        }
    }
}
