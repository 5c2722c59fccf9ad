package netc.processor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Writes valid-shaped networks for {@link AdversarialNameTest} whose names are chosen to collide:
 * every identifier of the generated sample models (read from the goldens, so a new one joins by
 * itself), neighbours of keywords, {@code $} and {@code _} names, {@code d}/{@code Out} variations of
 * the other layers' names, the class's own names; classes named like the types generated code uses,
 * nested or in the unnamed package. Sources spell every netc type in full, so no name can break the
 * user's own file; only the generated code is on trial.
 */
final class AdversarialNetworks {
    /** One network: {@code outer} is null for a top-level class; {@code packageName} "" for the unnamed package. */
    record Network(String packageName, String outer, String name, List<String> layers, List<String> annotations) {
        /** The compilation unit's name: the top-level class, qualified. */
        String unit() {
            String top = outer == null ? name : outer;
            return packageName.isEmpty() ? top : packageName + "." + top;
        }

        String source() {
            StringBuilder text = new StringBuilder(packageName.isEmpty() ? "" : "package " + packageName + ";\n\n");
            String indent = outer == null ? "" : "    ";
            if (outer != null) {
                text.append("class ").append(outer).append(" {\n");
            }
            text.append(indent).append("@netc.Network(channels = 2, height = 6, width = 6)\n")
                    .append(indent).append(outer == null ? "" : "static ").append("class ").append(name).append(" {\n");
            for (int i = 0; i < layers.size(); i++) {
                text.append(indent).append("    ").append(annotations.get(i)).append(" netc.Layer ")
                        .append(layers.get(i)).append(";\n");
            }
            text.append(indent).append("}\n");
            if (outer != null) {
                text.append("}\n");
            }
            return text.toString();
        }

        Network renamed(Map<String, String> renames) {
            return new Network(packageName, outer, name,
                    layers.stream().map(layer -> renames.getOrDefault(layer, layer)).toList(), annotations);
        }
    }

    private static final List<String> KEYWORD_NEIGHBOURS = List.of("class_", "Class", "_class", "klass", "$class",
            "int_", "Int", "new_", "New", "this_", "This", "super_", "Super", "return_", "null_", "Null", "True",
            "var", "yield", "record", "Var", "Yield", "sealed", "permits", "module", "open", "exports", "to", "with", "enum_", "Enum",
            "assert_", "Default", "goto_", "const_", "instanceof_", "String", "Object", "System", "Math");
    private static final List<String> ODD = List.of("$", "$$", "_$", "$_", "__", "___", "a$", "$a", "a$b", "_a",
            "a_", "_0", "$0", "ñ", "π", "Ω", "d", "Out", "dOut", "OutOut", "dd", "D", "out");
    private static final List<String> CLASS_NAMES = List.of("Net", "Override", "Tensor", "List", "Compiled", "Mode",
            "Trainer", "Generated", "Device", "String", "Object", "Model", "$", "Net$", "_Net", "Class_", "NetworkInfo",
            "Conv2d", "Dense", "DirectConv2d", "SmallDense", "Layer", "Network", "Activation", "Deprecated", "Record", "Enum", "ModelFactory",
            "Parameter", "LayerRow", "TrainingOptions", "TrainingReport", "CompiledModel", "MaxPool2d", "Dropout",
            "Integer", "Ñet", "net", "INFO", "Input", "Forward", "Own", "Outer", "A", "B", "C");
    private static final List<String> PACKAGES = List.of("test", "", "test.deep");
    private static final String[] KINDS = {"@netc.Conv(out = 2, kernel = 3, padding = 1)", "@netc.MaxPool(kernel = 1)",
            "@netc.AvgPool(kernel = 2, stride = 1, padding = 1)", "@netc.Dropout(0.5)", "@netc.Dense(out = 3)"};

    private final Random random;
    private final List<String> generatedIdentifiers;
    /** Top-level names per package, the user's and the generated ones, so no two networks of a batch collide. */
    private final Map<String, Set<String>> taken = new HashMap<>();

    AdversarialNetworks(long seed) throws IOException {
        this.random = new Random(seed);
        this.generatedIdentifiers = identifiersOfGoldens();
    }

    /** Starts a new compile: every name is free again. */
    void newBatch() {
        taken.clear();
    }

    Network next() {
        while (true) {
            String pkg = PACKAGES.get(random.nextInt(PACKAGES.size()));
            String name = pick(CLASS_NAMES);
            String outer = random.nextInt(3) == 0 ? pick(CLASS_NAMES) : null;
            String base = outer == null ? name : outer + "_" + name;
            Set<String> newNames = new HashSet<>(List.of(base + "Model", base + "Trainer"));
            newNames.add(outer == null ? name : outer);
            Set<String> inPackage = taken.computeIfAbsent(pkg, p -> new HashSet<>());
            if (name.equals(outer) || newNames.size() < 3 || newNames.stream().anyMatch(inPackage::contains)) {
                continue;
            }
            inPackage.addAll(newNames);
            return network(pkg, outer, name, base);
        }
    }

    private Network network(String pkg, String outer, String name, String base) {
        int count = 1 + random.nextInt(6);
        Set<String> layers = new LinkedHashSet<>();
        List<String> annotations = new ArrayList<>();
        boolean flat = false;
        while (layers.size() < count) {
            String layer = layerName(new ArrayList<>(layers), name, outer, base);
            if (!SourceVersion.isName(layer) || !layers.add(layer)) {
                continue;
            }
            String kind = flat ? KINDS[3 + random.nextInt(2)] : KINDS[random.nextInt(KINDS.length)];
            flat |= kind.startsWith("@netc.Dense");
            annotations.add(kind);
        }
        return new Network(pkg, outer, name, List.copyOf(layers), annotations);
    }

    private String layerName(List<String> earlier, String name, String outer, String base) {
        int choice = random.nextInt(10);
        if (choice <= 2 || (choice == 6 && earlier.isEmpty())) {
            return "layer" + earlier.size();
        }
        return switch (choice) {
            case 3 -> pick(generatedIdentifiers);
            case 4 -> pick(KEYWORD_NEIGHBOURS);
            case 5 -> pick(ODD);
            case 6 -> {
                String other = pick(earlier);
                yield pick(List.of("d" + other, other + "Out", "d" + other + "Out", "dd" + other + "Out",
                        other + "OutOut", "d" + other + "OutOut"));
            }
            case 7 -> pick(List.of(name, base + "Model", base + "Trainer", outer == null ? name + "_" : outer));
            default -> pick(generatedIdentifiers) + pick(List.of("", "Out", "_", "$"));
        };
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** Every identifier of the golden models' and trainers' code (comments and string literals left out). */
    private static List<String> identifiersOfGoldens() throws IOException {
        Set<String> identifiers = new LinkedHashSet<>();
        Pattern word = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
        for (String golden : List.of("LeNetModel", "LeNetTrainer", "AlexNetModel", "AlexNetTrainer")) {
            try (InputStream in = AdversarialNetworks.class.getClassLoader()
                    .getResourceAsStream("golden/" + golden + ".java")) {
                String code = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replaceAll("(?s)/\\*.*?\\*/", " ")
                        .replaceAll("//[^\n]*", " ")
                        .replaceAll("\"(\\\\.|[^\"\\\\])*\"", " ");
                Matcher words = word.matcher(code);
                while (words.find()) {
                    if (SourceVersion.isName(words.group())) {
                        identifiers.add(words.group());
                    }
                }
            }
        }
        return List.copyOf(identifiers);
    }
}
