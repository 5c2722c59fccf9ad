package netc.runtime.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames a PyTorch {@code nn.Sequential} state_dict to a network's own names: the i-th distinct
 * numeric prefix (in numeric order, so {@code 0}, {@code 3}, {@code 7}, ...) becomes the i-th layer
 * that has parameters, keeping the rest of the name ({@code 3.weight} → {@code conv2.weight}).
 * Sequential indices skip the layers without parameters (activations, pooling), which is why order,
 * not the index itself, identifies the layer.
 */
final class SequentialNames {
    private static final Pattern NUMBERED = Pattern.compile("(\\d+)(\\..+)");

    private SequentialNames() {}

    /**
     * The renaming, when the file uses none of the model's own names and at least one numbered name;
     * names that are not numbered, or whose number is beyond the model's layers, pass through unchanged.
     */
    static Optional<UnaryOperator<String>> renaming(Iterable<String> fileNames, List<String> parameterNames) {
        TreeMap<Long, String> prefixes = new TreeMap<>();
        for (String name : fileNames) {
            if (parameterNames.contains(name)) {
                return Optional.empty();
            }
            Matcher numbered = NUMBERED.matcher(name);
            if (numbered.matches() && numbered.group(1).length() < 18) {
                prefixes.put(Long.parseLong(numbered.group(1)), numbered.group(1));
            }
        }
        if (prefixes.isEmpty()) {
            return Optional.empty();
        }
        List<String> layers = layersWithParameters(parameterNames);
        Map<String, String> layerOf = new TreeMap<>();
        int index = 0;
        for (String prefix : prefixes.values()) {
            if (index < layers.size()) {
                layerOf.put(prefix, layers.get(index++));
            }
        }
        return Optional.of(name -> {
            Matcher numbered = NUMBERED.matcher(name);
            if (numbered.matches() && layerOf.containsKey(numbered.group(1))) {
                return layerOf.get(numbered.group(1)) + numbered.group(2);
            }
            return name;
        });
    }

    /** {@code conv1.weight, conv1.bias, fc.weight} → {@code conv1, fc}: the part before the last dot. */
    static List<String> layersWithParameters(List<String> parameterNames) {
        LinkedHashSet<String> layers = new LinkedHashSet<>();
        for (String name : parameterNames) {
            int dot = name.lastIndexOf('.');
            layers.add(dot < 0 ? name : name.substring(0, dot));
        }
        return new ArrayList<>(layers);
    }
}
